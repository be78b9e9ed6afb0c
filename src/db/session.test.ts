import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import { AppDB } from './AppDB';
import { applyPullPage, readPullCursor } from './apply-pull';
import { observeLockState, type LockState } from './lock-state';
import { logout, startSession, UnsentDataError, type Session } from './session';
import { openVault } from './unlock';
import { listVisits, queueVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const sessionOf = (agentId: string, login: string): Session => ({
  token: `t-${login}`,
  deviceId: '0190f5c6-0000-7000-8000-000000000009',
  expiresAt: '2027-01-01T00:00:00.000Z',
  agent: {
    id: agentId,
    login,
    displayName: login,
    role: 'travailleur_social',
    siteIds: ['mds-41-41018'],
  },
});
const A = sessionOf('0190f5c6-0000-7000-8000-00000000000a', 'agent.a');
const B = sessionOf('0190f5c6-0000-7000-8000-00000000000b', 'agent.b');
const serverCopy = (visit: ReturnType<typeof makeVisit>) => ({
  ...visit,
  authorId: A.agent.id,
  version: 3,
  updatedAt: visit.createdAt,
  receipt: { number: '2026-000003', issuedAt: visit.createdAt },
});

describe('sessions on a shared tablet', () => {
  it('does not store for the next agent a page pulled for an agent who logged out', async () => {
    db = freshDb();
    await startSession(db, A);
    await logout(db);
    const stored = await applyPullPage(
      db,
      {
        changes: [
          {
            entity: 'visit',
            entityId: makeVisit().id,
            op: 'put',
            version: 3,
            data: serverCopy(makeVisit()),
          },
        ],
        cursor: 'c3',
      },
      A.agent.id,
    );
    expect(stored).toBe(false);
    expect(await listVisits(db)).toEqual([]);
    expect(await readPullCursor(db)).toBeUndefined();
  });

  it('starts a new agent from an empty device even when nobody was logged in', async () => {
    db = freshDb();
    const leftover = makeVisit();
    await applyPullPage(db, {
      changes: [
        {
          entity: 'visit',
          entityId: leftover.id,
          op: 'put',
          version: 3,
          data: serverCopy(leftover),
        },
      ],
      cursor: 'c3',
    });
    await startSession(db, B);
    expect(await listVisits(db)).toEqual([]);
    expect(await readPullCursor(db)).toBeUndefined();
  });

  it('refuses another agent while unsent work remains, and lets the same agent back in with it', async () => {
    db = freshDb();
    await startSession(db, A);
    const visit = makeVisit();
    await queueVisit(db, visit.id, visit);
    await expect(startSession(db, B)).rejects.toBeInstanceOf(UnsentDataError);
    await startSession(db, { ...A, token: 'renewed' });
    expect(await listVisits(db)).toHaveLength(1);
  });

  it('closes the previous agent’s key in another tab, never the next agent’s in the tab they logged in from', async () => {
    db = freshDb();
    await startSession(db, A);
    const otherTab = new AppDB(db.name);
    await openVault(otherTab, new Uint8Array(db.vault.dataKey!), A.agent.id);
    const seen: LockState[] = [];
    const watching = [
      observeLockState(db).subscribe({ next: (state) => seen.push(state) }),
      observeLockState(otherTab).subscribe({ next: () => {} }),
    ];
    await vi.waitFor(() => expect(seen.at(-1)?.status).toBe('choose-pin'));

    db.vault.close(); // this tab locked; B logs in from its lock screen
    await startSession(db, B);
    await vi.waitFor(() => expect(otherTab.vault.unlocked).toBe(false));
    await vi.waitFor(() =>
      expect(seen.at(-1)).toMatchObject({ status: 'choose-pin', owner: { agentId: B.agent.id } }),
    );
    expect(db.vault.unlocked).toBe(true);
    for (const subscription of watching) subscription.unsubscribe();
    otherTab.close();
  });
});
