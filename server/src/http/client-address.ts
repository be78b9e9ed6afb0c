import type { Context } from 'hono';

/**
 * Who is calling and how, for rate limits and HSTS. Forwarded headers are believed only with
 * TRUST_PROXY: without a proxy that sets them, any client could write them.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw last; earlier entries are the client's to invent.
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'inconnue';
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}
