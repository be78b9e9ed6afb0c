import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/start';
import { uuidv7 } from '../../shared/uuidv7';
import { readPerson, savePerson, setPersonLink } from '../../src/db/persons';
import { listReferralsOf, queueReferral, queueReferralStatus } from '../../src/db/referrals';
import { queueVisit, readVisit } from '../../src/db/visits';
import { makeVisit } from '../support/fixtures';
import { createNodeDevice, type NodeDevice } from '../support/node-device';
import { startDemoServer } from '../support/demo-data';

/**
 * Issue 8, selective sync: a person leaves a tablet only after the tablet's own unsent records
 * about them have reached the server. The app's storage and sync code (Node, fake-indexeddb)
 * against the real server: a Mer file is oriented to a Blois agent, who takes it on; the
 * referral is closed, the agent stops following the person from their office tablet, and their
 * field tablet signs a visit of the person while its sync run is pulling that removal.
 */
const MER = 'mds-41-41136';
const BLOIS = 'mds-41-41018';

let server: RunningServer;
let dir: string;
let mer: NodeDevice;
let field: NodeDevice;
let office: NodeDevice;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dk-removal-'));
  server = await startDemoServer(dir);
  // demo.numerique works at Blois and Mer; demo.social at Blois only, on two tablets.
  mer = await createNodeDevice(server.url, 'demo.numerique');
  field = await createNodeDevice(server.url, 'demo.social');
  office = await createNodeDevice(server.url, 'demo.social');
});

afterAll(async () => {
  await mer?.close();
  await field?.close();
  await office?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sync(...devices: NodeDevice[]) {
  for (const device of devices) {
    await device.pushUntilDone();
    await device.pullUntilDone();
  }
}

describe('a person leaving a tablet', () => {
  it('stays until the visit signed there is pushed and receipted, then leaves with its referral', async () => {
    const personId = uuidv7();
    await savePerson(mer.db, mer.session, {
      personId,
      siteId: MER,
      values: { lastName: 'Lemaire', firstName: 'Odette' },
    });
    const referralId = uuidv7();
    await queueReferral(mer.db, mer.session, {
      id: referralId,
      personId,
      fromSiteId: MER,
      to: { kind: 'agent', agentId: field.session.agent.id },
      reason: 'Démarches CAF en ligne',
      urgency: 'normale',
      consent: true,
      documents: [],
      createdAt: new Date().toISOString(),
    });
    await sync(mer, field);
    expect(await readPerson(field.db, personId)).toBeDefined();

    // Taken on: the Blois agent follows the person, so the closing keeps the file.
    await queueReferralStatus(field.db, field.session, { referralId, to: 'recue' });
    await queueReferralStatus(field.db, field.session, { referralId, to: 'en_cours' });
    await sync(field, mer);
    await queueReferralStatus(mer.db, mer.session, { referralId, to: 'cloturee' });
    await sync(mer, field, office);
    expect((await readPerson(field.db, personId))?.followers.map((f) => f.agentId)).toContain(
      field.session.agent.id,
    );
    expect((await listReferralsOf(field.db, personId)).map((r) => r.status)).toEqual(['cloturee']);

    // From the office tablet, the agent stops following the person.
    await setPersonLink(office.db, office.session, { personId, kind: 'follow', on: false });
    await sync(office);
    expect(await readPerson(office.db, personId)).toBeUndefined();

    // The field tablet's run pushes its empty outbox; a visit is signed; then it pulls.
    await field.pushUntilDone();
    const visit = makeVisit({ siteId: BLOIS, personId, createdAt: new Date().toISOString() });
    await queueVisit(field.db, visit.id, visit);
    await field.pullUntilDone();
    expect((await readPerson(field.db, personId))?.leaving).toBe(true);
    expect((await readVisit(field.db, visit.id))?.syncState).toBe('pending');

    // The next run pushes the visit, which the server accepts with a receipt, then removes.
    const accepted = field.answers.accepted;
    await field.pushUntilDone();
    expect(field.answers.accepted).toBe(accepted + 1);
    expect((await readVisit(field.db, visit.id))?.receipt?.number).toMatch(/\S/);
    expect(await readPerson(field.db, personId)).toBeDefined();
    await field.pullUntilDone();
    expect(await readPerson(field.db, personId)).toBeUndefined();
    expect(await listReferralsOf(field.db, personId)).toEqual([]);
    // The visit is a record of the agent's MDS, which every agent of it holds: it stays.
    expect((await readVisit(field.db, visit.id))?.syncState).toBe('synced');

    // The server keeps the visit, under the person and the agent's MDS.
    expect(
      await server.db.query('SELECT site_id, person_id::text FROM visits WHERE id = $1', [
        visit.id,
      ]),
    ).toEqual([{ site_id: BLOIS, person_id: personId }]);
  });
});
