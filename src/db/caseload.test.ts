import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupTasks, type TaskData } from '../../shared/persons/task';
import { uuidv7 } from '../../shared/uuidv7';
import { testSession } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import { applyPullPage } from './apply-pull';
import type { AppDB } from './AppDB';
import { readCaseload, readPersonFile } from './caseload';
import { observe } from './observe';
import { savePerson } from './persons';
import { nextBatch } from './outbox';
import { purgeDelivered } from './outbox-purge';
import { applyPushResults } from './push-results';
import { startSession } from './session';
import { listTasksOf, markTaskDone, saveTask } from './tasks';

const BLOIS = 'mds-41-41018';
const ME = testSession.agent.id;
const COLLEAGUE = '0190f5c6-0000-7000-8000-0000000000c2';
/** A fixed calendar day: the code takes "today" as a parameter, the wall clock plays no part. */
const TODAY = '2026-11-20';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

async function newPerson(lastName: string, session = testSession): Promise<string> {
  const personId = uuidv7();
  await savePerson(db, session, {
    personId,
    siteId: BLOIS,
    values: { lastName, firstName: 'Anne' },
  });
  return personId;
}

function task(personId: string, overrides: Partial<TaskData>): TaskData {
  return {
    id: uuidv7(),
    personId,
    siteId: BLOIS,
    assigneeId: ME,
    kind: 'tache',
    title: 'Appeler la CAF',
    dueOn: TODAY,
    doneAt: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A push of the whole queue, every mutation accepted. */
async function acceptAll(version: number, number: string) {
  const rows = await nextBatch(db, 1000, 10_000_000);
  await applyPushResults(
    db,
    rows,
    rows.map((row) => ({
      id: row.id,
      status: 'accepted' as const,
      version,
      receipt: { number, issuedAt: '2026-11-20T10:00:00.000Z' },
    })),
  );
  await purgeDelivered(db);
}

describe('caseload and tasks on the device', () => {
  it('gives each followed person the next visit planned and the number of late tasks, on the day given', async () => {
    db = freshDb();
    await startSession(db, testSession);
    const roux = await newPerson('Roux');
    const blanc = await newPerson('Blanc');
    await saveTask(db, task(roux, { kind: 'visite', title: 'Visite', dueOn: '2026-12-03' }));
    await saveTask(db, task(roux, { kind: 'visite', title: 'Visite', dueOn: '2026-11-27' }));
    await saveTask(
      db,
      task(roux, { kind: 'visite', dueOn: '2026-11-22', doneAt: '2026-11-19T10:00:00.000Z' }),
    );
    await saveTask(db, task(roux, { dueOn: '2026-11-19' }));
    await saveTask(db, task(roux, { dueOn: '2026-11-02' }));
    await saveTask(db, task(roux, { dueOn: TODAY }));
    await saveTask(db, task(roux, { dueOn: '2026-11-01', doneAt: '2026-11-03T10:00:00.000Z' }));

    const caseload = await readCaseload(db, ME, TODAY);
    const byName = new Map(
      caseload.followed.map((e) => [String(e.person.fields.lastName?.value), e]),
    );
    expect(byName.get('Roux')).toMatchObject({ nextVisit: '2026-11-27', lateTasks: 2 });
    expect(byName.get('Blanc')).toMatchObject({ lateTasks: 0 });
    expect(byName.get('Blanc')?.nextVisit).toBeUndefined();
    expect(caseload.pinned).toEqual([]);

    // The same tablet a week later: the visit of the 27th is itself late, the next one is the 3rd.
    const later = await readCaseload(db, ME, '2026-11-28');
    const roux28 = later.followed.find((e) => e.person.id === roux);
    expect(roux28).toMatchObject({ nextVisit: '2026-11-27', lateTasks: 4 });
    expect(later.followed.find((e) => e.person.id === blanc)?.lateTasks).toBe(0);
  });

  it('updates an observed file when a task is planned after its first read (regression: the live query lost track of the tables)', async () => {
    db = freshDb();
    await startSession(db, testSession);
    const roux = await newPerson('Roux');
    const counts: number[] = [];
    const subscription = observe(() => readPersonFile(db, roux)).subscribe({
      next: (file) => counts.push(file?.tasks.length ?? -1),
    });
    await vi.waitFor(() => expect(counts).toEqual([0]));
    await saveTask(db, task(roux, { kind: 'visite' }));
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
    subscription.unsubscribe();
  });

  it('puts a person the agent does not follow with the other files of the tablet', async () => {
    db = freshDb();
    const colleague = { ...testSession, agent: { ...testSession.agent, id: COLLEAGUE } };
    await startSession(db, colleague);
    const roux = await newPerson('Roux', colleague);
    const caseload = await readCaseload(db, ME, TODAY);
    expect(caseload.followed).toEqual([]);
    expect(caseload.others.map((e) => e.person.id)).toEqual([roux]);
  });

  it('groups the agent’s tasks into late, due and done, on the day given', async () => {
    db = freshDb();
    await startSession(db, testSession);
    const roux = await newPerson('Roux');
    const late = task(roux, { title: 'En retard', dueOn: '2026-11-19' });
    const dueToday = task(roux, { title: 'Aujourd’hui', dueOn: TODAY });
    const dueLater = task(roux, { title: 'Plus tard', dueOn: '2026-12-01' });
    const done = task(roux, {
      title: 'Faite',
      dueOn: '2026-11-10',
      doneAt: '2026-11-12T08:00:00.000Z',
    });
    const colleagues = task(roux, { title: 'À Nadia', assigneeId: COLLEAGUE, dueOn: '2026-11-01' });
    for (const t of [dueLater, done, late, dueToday, colleagues]) await saveTask(db, t);

    const groups = groupTasks(await listTasksOf(db, ME), TODAY);
    expect(groups.late.map((t) => t.title)).toEqual(['En retard']);
    expect(groups.due.map((t) => t.title)).toEqual(['Aujourd’hui', 'Plus tard']);
    expect(groups.done.map((t) => t.title)).toEqual(['Faite']);
    // The day after, today's task is late too.
    expect(groupTasks(await listTasksOf(db, ME), '2026-11-21').late.map((t) => t.title)).toEqual([
      'En retard',
      'Aujourd’hui',
    ]);
  });

  it('bases a change queued while the task’s creation was on its way on the version the server then gives', async () => {
    db = freshDb();
    await startSession(db, testSession);
    const roux = await newPerson('Roux');
    await acceptAll(2, '2026-000100');
    const created = await saveTask(db, task(roux, {}));
    const inFlight = await db.outbox.toArray();
    await markTaskDone(db, created, new Date('2026-11-20T15:00:00.000Z'));
    const queued = (await db.outbox.toArray()).find((row) => row.id !== inFlight[0]!.id);
    expect(queued?.baseVersion).toBeUndefined();
    await applyPushResults(db, inFlight, [
      {
        id: inFlight[0]!.id,
        status: 'accepted',
        version: 7,
        receipt: { number: '2026-000101', issuedAt: '2026-11-20T10:00:00.000Z' },
      },
    ]);
    // The delivered creation waits for the purge as it was sent: no write for a row leaving.
    expect(await db.outbox.get(inFlight[0]!.id)).toEqual(inFlight[0]);
    await purgeDelivered(db);
    expect(await db.outbox.toArray()).toEqual([{ ...queued, baseVersion: 7 }]);
  });

  it('marks a task done on the version it holds, then keeps its receipt through the pull of the server’s task', async () => {
    db = freshDb();
    await startSession(db, testSession);
    const roux = await newPerson('Roux');
    const created = await saveTask(db, task(roux, { dueOn: '2026-11-19' }));
    await acceptAll(7, '2026-000101');
    expect((await db.tasks.get(created.id))?.receipt?.number).toBe('2026-000101');

    const now = new Date('2026-11-20T15:00:00.000Z');
    await markTaskDone(db, (await listTasksOf(db, ME))[0]!, now);
    const [sent] = (await db.outbox.toArray()).filter((row) => row.entity === 'task');
    expect(sent).toMatchObject({ baseVersion: 7, data: { doneAt: now.toISOString() } });
    expect(groupTasks(await listTasksOf(db, ME), TODAY).done.map((t) => t.id)).toEqual([
      created.id,
    ]);
    await acceptAll(9, '2026-000102');

    // The server's record has no receipt: the pulled task keeps the one this tablet was given.
    const { syncState: _state, receipt: _receipt, ...record } = (await db.tasks.get(created.id))!;
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'task',
          entityId: created.id,
          op: 'put',
          version: 9,
          data: { ...record, createdBy: ME, version: 9, updatedAt: '2026-11-20T15:00:01.000Z' },
        },
      ],
    });
    const file = await readPersonFile(db, roux);
    expect(file?.tasks[0]).toMatchObject({
      version: 9,
      syncState: 'synced',
      receipt: { number: '2026-000102' },
    });
  });
});
