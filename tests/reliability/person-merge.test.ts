import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictingFields } from '../../shared/persons/merge-person';
import type { RunningServer } from '../../server/src/start';
import { demoUuid } from '../../server/src/seed/demo-ids';
import { readPerson, savePerson } from '../../src/db/persons';
import { createNodeDevice, type NodeDevice } from '../support/node-device';
import { startDemoServer } from '../support/demo-data';

/**
 * Issue 8: two tablets (the app's own storage and sync code in Node) edit the same person file
 * offline and sync through the real server. Tablet A's clock runs three hours ahead.
 */
const HOURS_AHEAD_MS = 3 * 60 * 60 * 1000;
const MOREAU = demoUuid('person:moreau');

let server: RunningServer;
let dir: string;
let a: NodeDevice;
let b: NodeDevice;
const aheadClock = () => new Date(Date.now() + HOURS_AHEAD_MS);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dk-merge-'));
  server = await startDemoServer(dir);
  a = await createNodeDevice(server.url, 'demo.social');
  b = await createNodeDevice(server.url, 'demo.autonomie');
  await Promise.all([a.pullUntilDone(), b.pullUntilDone()]);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sync(...devices: NodeDevice[]) {
  for (const device of devices) await device.pushUntilDone();
  for (const device of devices) await device.pullUntilDone();
}

const edit = (device: NodeDevice, values: Record<string, unknown>, now = new Date()) =>
  savePerson(device.db, device.session, { personId: MOREAU, siteId: 'mds-41-41018', values }, now);
const file = async (device: NodeDevice) => (await readPerson(device.db, MOREAU))!;

describe('two tablets editing one person file offline', () => {
  it('keeps both edits of different fields', async () => {
    expect((await file(a)).fields.lastName?.value).toBe('Moreau');
    await edit(a, { phone: '06 12 34 56 78' }, aheadClock());
    await edit(b, { address: '12 rue du Puits' });
    await sync(a, b, a);
    for (const device of [a, b]) {
      const person = await file(device);
      expect(person.fields.phone?.value).toBe('06 12 34 56 78');
      expect(person.fields.address?.value).toBe('12 rue du Puits');
      expect(conflictingFields(person.fields)).toEqual([]);
    }
  });

  it('raises a conflict for two edits of the same field, which one agent resolves for both', async () => {
    await edit(a, { firstName: 'Jeanne-Marie' }, aheadClock());
    await edit(b, { firstName: 'Jeannine' });
    await sync(b, a, b);
    for (const device of [a, b]) {
      const person = await file(device);
      expect(conflictingFields(person.fields)).toEqual(['firstName']);
      const values = [person.fields.firstName!, ...person.fields.firstName!.conflicts!].map(
        (w) => w.value,
      );
      expect(values.sort()).toEqual(['Jeanne-Marie', 'Jeannine']);
    }
    // Tablet A's clock being ahead, its value is the provisional winner; B keeps its own.
    const seen = await file(b);
    expect(seen.fields.firstName?.value).toBe('Jeanne-Marie');
    await savePerson(b.db, b.session, {
      personId: MOREAU,
      siteId: seen.siteId,
      values: { firstName: 'Jeannine' },
      resolves: { firstName: seen.fields.firstName!.conflicts!.map((c) => c.hlc) },
    });
    await sync(b, a);
    for (const device of [a, b]) {
      const person = await file(device);
      expect(person.fields.firstName?.value).toBe('Jeannine');
      expect(conflictingFields(person.fields)).toEqual([]);
    }
  });

  it('lets the later edit win though its tablet’s clock is three hours behind the other’s', async () => {
    await edit(a, { email: 'jeanne@example.org' }, aheadClock());
    await sync(a, b);
    await edit(b, { email: 'jeanne.moreau@example.org' });
    await sync(b, a);
    for (const device of [a, b]) {
      const person = await file(device);
      expect(person.fields.email?.value).toBe('jeanne.moreau@example.org');
      expect(person.fields.email?.conflicts).toBeUndefined();
    }
  });
});
