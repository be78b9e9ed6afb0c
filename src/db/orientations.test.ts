import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuidv7';
import { applyPullPage } from './apply-pull';
import { AppDB } from './AppDB';
import { loadGuide } from './guide';
import { listOrientationsForService, queueOrientation } from './orientations';
import { logout, startSession } from './session';
import { unlocked } from '../../tests/support/test-db';

const newDb = () => unlocked(new AppDB(`test-guide-${uuidv7()}`));
const service = {
  id: 'demo--svc-1',
  source: 'demo',
  structure_id: 'demo--s1',
  nom: 'Aide ménagère',
  date_maj: '2026-01-15',
  description: 'Une aide à domicile.',
  version: 7,
};

describe('guide storage on the device', () => {
  it('stores pulled structures and services, and skips a record it cannot read', async () => {
    const db = newDb();
    await applyPullPage(db, {
      cursor: 'c1',
      changes: [
        {
          entity: 'structure',
          entityId: 'demo--s1',
          op: 'put',
          version: 6,
          data: { id: 'demo--s1', source: 'demo', nom: 'MDS', date_maj: '2026-01-15', version: 6 },
        },
        { entity: 'service', entityId: service.id, op: 'put', version: 7, data: service },
        { entity: 'service', entityId: 'broken', op: 'put', version: 8, data: { id: 'broken' } },
      ],
    });
    const guide = await loadGuide(db);
    expect(guide.structures.map((s) => s.id)).toEqual(['demo--s1']);
    expect(guide.services.map((s) => s.id)).toEqual([service.id]);
  });

  it('queues an orientation with its outbox mutation in one go, then marks it synced from a pulled change', async () => {
    const db = newDb();
    const id = uuidv7();
    const data = {
      id,
      siteId: 'mds-41-41018',
      serviceId: service.id,
      serviceName: service.nom,
      createdAt: new Date().toISOString(),
    };
    await queueOrientation(db, data);
    const [queued] = await db.outbox.toArray();
    expect(queued).toMatchObject({
      entity: 'orientation',
      op: 'put',
      entityId: id,
      status: 'pending',
    });
    expect((await listOrientationsForService(db, service.id))[0]!.syncState).toBe('pending');
    await db.outbox.clear();
    const receipt = { number: '2026-000001', issuedAt: new Date().toISOString() };
    await applyPullPage(db, {
      cursor: 'c2',
      changes: [
        {
          entity: 'orientation',
          entityId: id,
          op: 'put',
          version: 9,
          data: { ...data, authorId: uuidv7(), version: 9, updatedAt: receipt.issuedAt, receipt },
        },
      ],
    });
    expect((await listOrientationsForService(db, service.id))[0]).toMatchObject({
      syncState: 'synced',
      receipt,
    });
  });

  it('removes the agent’s orientations at logout, once they are sent, like their visits', async () => {
    const db = newDb();
    const agent = {
      id: uuidv7(),
      login: 'a',
      displayName: 'Agent A',
      role: 'travailleur_social' as const,
      siteIds: ['mds-41-41018'],
    };
    await startSession(db, {
      token: 't'.repeat(32),
      deviceId: uuidv7(),
      expiresAt: '2026-12-31T00:00:00.000Z',
      agent,
    });
    await queueOrientation(db, {
      id: uuidv7(),
      siteId: 'mds-41-41018',
      serviceId: service.id,
      serviceName: service.nom,
      note: 'Mme X, appeler lundi',
      createdAt: new Date().toISOString(),
    });
    await expect(logout(db)).rejects.toThrow(/non envoyé/);
    await db.outbox.clear(); // the server's receipt came back
    await logout(db);
    expect(await db.orientations.count()).toBe(0);
  });
});
