import {
  type PurgeReport,
  purgeReportSchema,
  rectifyAnswerSchema,
  type RectifyPerson,
  type RetentionPolicy,
  retentionPolicyListSchema,
  retentionPolicySchema,
} from '../../shared/security/rgpd-api';
import type { ApiClient } from './api-client';

/**
 * The RGPD requests of the office screens (`/api/v1/rgpd`): online only, nothing is stored on
 * the tablet. The export comes back as the server wrote it, to be saved or shown as it is. Each
 * call throws the api-client's HttpError or NetworkError.
 */
export function rgpdApi(api: ApiClient, token: string) {
  return {
    /** Everything the server holds on a person: JSON, or the printable page (HTML). */
    exportPerson: (personId: string, format: 'json' | 'html'): Promise<string> =>
      api.officeDocument(token, `/api/v1/rgpd/persons/${personId}/export?format=${format}`),
    /** Rectification (art. 16): the given fields take these values on the server and devices. */
    rectifyPerson: (personId: string, values: RectifyPerson) =>
      api.office(
        token,
        { method: 'PATCH', path: `/api/v1/rgpd/persons/${personId}`, body: values },
        rectifyAnswerSchema,
      ),
    retention: async (): Promise<RetentionPolicy[]> =>
      (
        await api.office(
          token,
          { method: 'GET', path: '/api/v1/rgpd/retention' },
          retentionPolicyListSchema,
        )
      ).policies,
    updateRetention: (entity: string, retentionDays: number) =>
      api.office(
        token,
        { method: 'PUT', path: `/api/v1/rgpd/retention/${entity}`, body: { retentionDays } },
        retentionPolicySchema,
      ),
    purge: (): Promise<PurgeReport> =>
      api.office(token, { method: 'POST', path: '/api/v1/rgpd/purge' }, purgeReportSchema),
  };
}

export type RgpdApi = ReturnType<typeof rgpdApi>;
