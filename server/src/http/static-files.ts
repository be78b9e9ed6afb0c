import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Context, Handler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { errorBody } from './api-error';

/**
 * Serves the built PWA. Hashed files under /assets/ never change, so browsers keep them a
 * year; everything else (index.html, sw.js, registerSW.js, the manifest) is revalidated on
 * each load, so a new version is seen at once. An unknown path gets index.html (the app
 * routes it), except under /assets/: a missing hashed file is a 404, not HTML passed as JS.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable'; // 1 year
const REVALIDATE = 'no-cache';

export function staticFiles(distDir: string): Handler {
  const root = resolve(distDir);
  return async (c) => {
    const file = await findFile(root, c.req.path);
    if (file) return send(c, file, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    const index = c.req.path.startsWith('/assets/')
      ? undefined
      : await findFile(root, '/index.html');
    if (index) return send(c, index, REVALIDATE);
    return c.json(errorBody('not_found'), 404);
  };
}

/** The file `urlPath` names inside `root`, or undefined; never a path outside `root`. */
async function findFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // No NUL, no backslash, no dot segments: `..` and hidden files are never served.
  if (/[\0\\]/.test(decoded) || decoded.split('/').some((part) => part.startsWith('.')))
    return undefined;
  const path = resolve(root, `.${decoded}`);
  if (!path.startsWith(root + sep)) return undefined;
  const stats = await stat(path).catch(() => undefined);
  return stats?.isFile() ? path : undefined;
}

async function send(c: Context, path: string, cacheControl: string) {
  const bytes = await readFile(path);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': getMimeType(path) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  });
}
