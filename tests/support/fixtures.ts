import { VISITE_DOMICILE } from '../../shared/forms/visite-domicile-id';
import type { VisitData } from '../../shared/schemas/visit';
import type { Session } from '../../src/db/session';
import { uuidv7 } from '../../shared/uuidv7';

/** A valid generic home visit, for tests; override any field. */
export function makeVisit(overrides: Partial<VisitData> = {}): VisitData {
  return {
    id: uuidv7(),
    siteId: 'mds-41-41018',
    formId: VISITE_DOMICILE.formId,
    formVersion: VISITE_DOMICILE.version,
    answers: {
      personName: 'Jeanne Martin',
      communeInsee: '41018',
      date: '2026-11-20',
      reason: 'Suivi à domicile',
      notes: 'RAS',
    },
    status: 'signed',
    createdAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

/** A logged-in travailleur social of the MDS of Blois, for device-side tests. */
export const testSession: Session = {
  token: 't',
  deviceId: '0190f5c6-0000-7000-8000-000000000009',
  expiresAt: '2027-01-01T00:00:00.000Z',
  agent: {
    id: '0190f5c6-0000-7000-8000-000000000001',
    login: 'demo.social',
    displayName: 'Agent',
    role: 'travailleur_social',
    siteIds: ['mds-41-41018'],
  },
};
