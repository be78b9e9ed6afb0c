import { z } from 'zod';
import {
  type AdminAgent,
  adminAgentListSchema,
  adminAgentSchema,
  type AdminDevice,
  adminDeviceListSchema,
  adminDeviceSchema,
  adminSiteListSchema,
  type CreateAgent,
  type UpdateAgent,
  type UpdateSite,
} from '../../shared/security/admin-api';
import { type AuditPage, auditPageSchema, type AuditQuery } from '../../shared/security/audit-api';
import { type Site, siteSchema } from '../../shared/schemas/site';
import type { ApiClient } from './api-client';

/**
 * The office screens' calls (administration, audit log): online only, nothing is stored on
 * the tablet. Each throws the api-client's HttpError or NetworkError.
 */
export function adminApi(api: ApiClient, token: string) {
  const call = <S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown) =>
    api.office(token, { method, path, body }, schema);
  return {
    agents: async (): Promise<AdminAgent[]> =>
      (await call('GET', '/api/v1/admin/agents', adminAgentListSchema)).agents,
    createAgent: (agent: CreateAgent) =>
      call('POST', '/api/v1/admin/agents', adminAgentSchema, agent),
    updateAgent: (id: string, change: UpdateAgent) =>
      call('PATCH', `/api/v1/admin/agents/${id}`, adminAgentSchema, change),
    resetPassword: (id: string, password: string) =>
      call('POST', `/api/v1/admin/agents/${id}/password`, z.undefined(), { password }),
    sites: async (): Promise<Site[]> =>
      (await call('GET', '/api/v1/admin/sites', adminSiteListSchema)).sites,
    createSite: (site: Site) => call('POST', '/api/v1/admin/sites', siteSchema, site),
    updateSite: (id: string, change: UpdateSite) =>
      call('PATCH', `/api/v1/admin/sites/${id}`, siteSchema, change),
    devices: async (): Promise<AdminDevice[]> =>
      (await call('GET', '/api/v1/admin/devices', adminDeviceListSchema)).devices,
    revokeDevice: (id: string) =>
      call('POST', `/api/v1/admin/devices/${id}/revoke`, adminDeviceSchema),
    auditLog: (query: Partial<AuditQuery>): Promise<AuditPage> => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== '') params.set(key, String(value));
      return call('GET', `/api/v1/audit?${params}`, auditPageSchema);
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
