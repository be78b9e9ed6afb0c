import type { MiddlewareHandler } from 'hono';
import { isHttps } from './client-address';

/**
 * The PWA's policy: its own scripts, styles, images, workers and API only. No inline script
 * (the built index.html loads modules by URL, checked by tests/server/security/headers.test.ts);
 * `data:` and `blob:` images for QR codes and photos made on the device; never framed.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a document: nothing may run or load from them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const HSTS = 'max-age=31536000; includeSubDomains'; // 1 year

/**
 * Security headers on every answer. A route that sets its own Content-Security-Policy (the
 * public service sheet, /fiche) keeps it. HSTS only when the request reached us over HTTPS,
 * directly or through a trusted proxy: sent over plain HTTP on a LAN it would lock browsers out.
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy'))
      h.set('Content-Security-Policy', c.req.path.startsWith('/api/') ? API_CSP : APP_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), payment=(), usb=()');
    if (isHttps(c, options.trustProxy)) h.set('Strict-Transport-Security', HSTS);
  };
}
