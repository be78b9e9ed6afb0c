import { roles, type Role } from '../../../../shared/schemas/agent';
import { BLOIS, newSession, push, type TestSession, visitPut } from '../../support/fixtures';
import { jsonFile, SERVICE_A, STRUCTURE_A } from '../../support/guide-files';
import { newPersonPut } from '../../support/persons';
import type { TestServer } from '../../support/test-server';
import { DEFAULT_APP_CONFIG } from '../../../../server/src/config';

/** "Own site" of every role's agent, and the "other site" none of them works for. */
export const OWN = BLOIS;
export const OTHER = 'mds-41-41269'; // Vendôme

/** Every request here comes from one test client: no address limit gets in the way. */
export const SECURITY_TEST_CONFIG = {
  login: { ...DEFAULT_APP_CONFIG.login, maxAttemptsPerIp: 100_000 },
};

/**
 * What the authorization matrix and the fuzz test run against: one logged-in agent of each
 * role at OWN, records and agents at OWN and at OTHER, and a guide service.
 */
export interface World {
  server: TestServer;
  sessions: Record<Role, TestSession>;
  visit: Record<'own' | 'other', string>;
  person: Record<'own' | 'other', string>;
  agent: Record<'own' | 'other', TestSession>;
  serviceId: string;
}

export async function buildWorld(server: TestServer): Promise<World> {
  const sessions = {} as Record<Role, TestSession>;
  for (const role of roles) sessions[role] = await newSession(server, [OWN], role);
  const ownAgent = await newSession(server, [OWN], 'travailleur_social');
  const otherAgent = await newSession(server, [OTHER], 'travailleur_social');
  const ownVisit = visitPut(OWN);
  const otherVisit = visitPut(OTHER);
  const ownPerson = newPersonPut(OWN, 'Martin', 'Yvonne');
  const otherPerson = newPersonPut(OTHER, 'Bernard', 'Louis');
  await push(server, ownAgent, [ownVisit, ownPerson]);
  await push(server, otherAgent, [otherVisit, otherPerson]);
  const upload = await server.app.request('/api/v1/guide/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${sessions.administrateur.token}` },
    body: new Uint8Array(jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_A] })),
  });
  if (upload.status !== 200) throw new Error(`Guide import failed: ${upload.status}`);
  return {
    server,
    sessions,
    visit: { own: ownVisit.entityId, other: otherVisit.entityId },
    person: { own: ownPerson.entityId, other: otherPerson.entityId },
    agent: { own: ownAgent, other: otherAgent },
    serviceId: SERVICE_A.id,
  };
}
