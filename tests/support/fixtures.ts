import { VISITE_DOMICILE } from '../../shared/forms/visite-domicile';
import type { VisitData } from '../../shared/schemas/visit';
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
