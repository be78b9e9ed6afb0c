import { describe, expect, it } from 'vitest';
import { personEditSchema, type PersonRecord } from '../../shared/persons/person';
import { uuidv7 } from '../../shared/uuidv7';
import { makeVisit, testSession } from '../../tests/support/fixtures';
import { applyPullPage } from './apply-pull';
import { AppDB } from './AppDB';
import { applyPushResults } from './push-results';
import { findDuplicates, readPerson, savePerson, setPersonLink } from './persons';
import { queueReferralStatus, TransitionRefusedError } from './referrals';
import { startSession } from './session';

const BLOIS = 'mds-41-41018';
const receipt = { number: '2026-000001', issuedAt: '2026-11-20T10:00:00.000Z' };

async function newDb() {
  const db = new AppDB(`test-persons-${uuidv7()}`);
  await startSession(db, testSession);
  return db;
}

function pulledPerson(
  id: string,
  lastName: string,
  firstName: string,
  birthDate?: string,
): PersonRecord {
  const write = (value: unknown) => ({
    value,
    hlc: `001763600000000-00000-srv`,
    by: testSession.agent.id,
  });
  return {
    id,
    siteId: BLOIS,
    fields: {
      lastName: write(lastName),
      firstName: write(firstName),
      ...(birthDate ? { birthDate: write(birthDate) } : {}),
    },
    followers: [],
    pinnedBy: [],
    createdBy: testSession.agent.id,
    createdAt: '2026-11-20T10:00:00.000Z',
    version: 5,
    updatedAt: '2026-11-20T10:00:00.000Z',
    receipt,
  };
}

describe('person files on the device', () => {
  it('queues a new file with all its fields, then an edit with only the changed field and the HLC it was made on', async () => {
    const db = await newDb();
    const id = uuidv7();
    await savePerson(db, testSession, {
      personId: id,
      siteId: BLOIS,
      values: { lastName: 'Lefèvre', firstName: 'Zoé', phone: '06 00 00 00 00' },
    });
    const created = await readPerson(db, id);
    expect(created?.followers.map((f) => f.agentId)).toEqual([testSession.agent.id]);
    await savePerson(db, testSession, {
      personId: id,
      siteId: BLOIS,
      values: { lastName: 'Lefèvre', firstName: 'Zoé', phone: '06 11 11 11 11' },
    });
    const [first, second] = (await db.outbox.toArray())
      .sort((a, b) => a.seq - b.seq)
      .map((row) => personEditSchema.parse(row.data));
    expect(Object.keys(first!.edits).sort()).toEqual(['firstName', 'lastName', 'phone']);
    expect(Object.keys(second!.edits)).toEqual(['phone']);
    expect(second!.edits.phone?.base).toBe(first!.edits.phone?.hlc);
    expect(second!.edits.phone!.hlc > first!.edits.phone!.hlc).toBe(true);
  });

  it('refuses a bad value before writing anything', async () => {
    const db = await newDb();
    await expect(
      savePerson(db, testSession, {
        personId: uuidv7(),
        siteId: BLOIS,
        values: { lastName: '  ' },
      }),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('finds duplicates whatever the accents, case and hyphens, and with a different birth date not', async () => {
    const db = await newDb();
    const id = uuidv7();
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'person',
          entityId: id,
          op: 'put',
          version: 5,
          data: pulledPerson(id, 'Lefèvre-Noël', 'Zoé', '1950-03-02'),
        },
      ],
    });
    const found = await findDuplicates(db, {
      lastName: 'LEFEVRE NOEL',
      firstName: 'zoe',
      birthDate: '1950-03-02',
    });
    expect(found.map((p) => p.id)).toEqual([id]);
    expect(await findDuplicates(db, { lastName: 'lefevre noel', firstName: 'Zoe' })).toHaveLength(
      1,
    );
    expect(
      await findDuplicates(db, {
        lastName: 'Lefèvre-Noël',
        firstName: 'Zoé',
        birthDate: '1951-03-02',
      }),
    ).toEqual([]);
    expect(await findDuplicates(db, { lastName: 'Lefèvre', firstName: 'Zoé' })).toEqual([]);
  });

  it('removes a person who left the scope only after its unsent records are pushed', async () => {
    const db = await newDb();
    const id = uuidv7();
    const referralId = uuidv7();
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'person',
          entityId: id,
          op: 'put',
          version: 5,
          data: pulledPerson(id, 'Roux', 'Anne'),
        },
      ],
    });
    await db.referrals.put({
      id: referralId,
      personId: id,
      fromSiteId: BLOIS,
      fromAgentId: testSession.agent.id,
      to: { kind: 'partner', partner: 'CAF' },
      reason: 'Dossier RSA',
      urgency: 'normale',
      consent: true,
      documents: [],
      createdAt: '2026-11-20T10:00:00.000Z',
      status: 'envoyee',
      events: [],
      syncState: 'synced',
    });
    await savePerson(db, testSession, {
      personId: id,
      siteId: BLOIS,
      values: { phone: '02 54 00 00 00' },
    });
    await setPersonLink(db, testSession, { personId: id, kind: 'pin', on: false });

    await applyPullPage(db, {
      cursor: 'c2',
      changes: [{ entity: 'person', entityId: id, op: 'delete', version: 9 }],
    });
    expect((await readPerson(db, id))?.leaving).toBe(true);
    expect(await db.referrals.count()).toBe(1);

    const rows = await db.outbox.toArray();
    await applyPushResults(
      db,
      rows,
      rows.map((row) => ({ id: row.id, status: 'accepted', version: 10, receipt })),
    );
    expect(await readPerson(db, id)).toBeDefined();
    await applyPullPage(db, { cursor: 'c3', changes: [] });
    expect(await readPerson(db, id)).toBeUndefined();
    expect(await db.referrals.count()).toBe(0);
  });

  it('removes at once a person who left the scope with nothing unsent, keeping the visits of the agent’s MDS', async () => {
    const db = await newDb();
    const id = uuidv7();
    const visit = (siteId: string) => ({
      ...makeVisit({ siteId, personId: id }),
      visitDate: '2026-11-20',
      syncState: 'synced' as const,
    });
    const ours = visit(BLOIS);
    const theirs = visit('mds-41-41269');
    await db.visits.bulkPut([ours, theirs]);
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'person',
          entityId: id,
          op: 'put',
          version: 5,
          data: pulledPerson(id, 'Roux', 'Anne'),
        },
      ],
    });
    await applyPullPage(db, {
      cursor: 'c2',
      changes: [{ entity: 'person', entityId: id, op: 'delete', version: 9 }],
    });
    expect(await readPerson(db, id)).toBeUndefined();
    expect(await db.visits.toCollection().primaryKeys()).toEqual([ours.id]);
  });

  it('checks a referral status change against the state machine before queuing it, and follows the person taken on', async () => {
    const db = await newDb();
    const referralId = uuidv7();
    const personId = uuidv7();
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'person',
          entityId: personId,
          op: 'put',
          version: 5,
          data: pulledPerson(personId, 'Roux', 'Anne'),
        },
      ],
    });
    await db.referrals.put({
      id: referralId,
      personId,
      fromSiteId: BLOIS,
      fromAgentId: uuidv7(),
      to: { kind: 'agent', agentId: testSession.agent.id },
      reason: 'Évaluation autonomie',
      urgency: 'normale',
      consent: true,
      documents: [],
      createdAt: '2026-11-20T10:00:00.000Z',
      status: 'envoyee',
      events: [],
      syncState: 'synced',
    });
    await expect(
      queueReferralStatus(db, testSession, { referralId, to: 'en_cours' }),
    ).rejects.toBeInstanceOf(TransitionRefusedError);
    await expect(
      queueReferralStatus(db, testSession, { referralId, to: 'refusee' }),
    ).rejects.toMatchObject({
      code: 'reason_required',
    });
    await queueReferralStatus(db, testSession, { referralId, to: 'recue' });
    expect((await readPerson(db, personId))?.followers).toEqual([]);
    await queueReferralStatus(db, testSession, { referralId, to: 'en_cours' });
    expect((await db.outbox.toArray()).map((row) => (row.data as { to: string }).to)).toEqual([
      'recue',
      'en_cours',
    ]);
    expect((await readPerson(db, personId))?.followers.map((f) => f.agentId)).toEqual([
      testSession.agent.id,
    ]);
  });
});
