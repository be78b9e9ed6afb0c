import { applyPullPage, readPullCursor } from '../db/apply-pull';
import type { AppDB } from '../db/AppDB';
import type { Session } from '../db/session';
import type { ApiClient } from './api-client';

export const PULL_PAGE_SIZE = 500;

/**
 * Pulls pages from the stored cursor until the server has no more. Each page and its cursor
 * are stored together, so an interrupted pull resumes from the last stored page. Returns the
 * server time of the last answer.
 */
export async function pullChanges(
  db: AppDB,
  api: ApiClient,
  session: Session,
  options: { signal?: AbortSignal; onPage?: (pulled: number) => void; pageSize?: number } = {},
): Promise<string> {
  let pulled = 0;
  for (;;) {
    const cursor = await readPullCursor(db);
    const page = await api.pull(
      session.token,
      cursor,
      options.pageSize ?? PULL_PAGE_SIZE,
      options.signal,
    );
    const stored = await applyPullPage(db, page, session.agent.id);
    pulled += page.changes.length;
    options.onPage?.(pulled);
    if (!stored || !page.hasMore) return page.serverTime;
  }
}
