import { z } from 'zod';
import { agentSchema, roleSchema } from '../schemas/agent';
import { instantSchema, siteIdSchema, uuidSchema } from '../schemas/common';
import { siteSchema } from '../schemas/site';

/** Bodies of the administrators' API (/api/v1/admin): agents, sites, devices. */

/** At least 12 characters: the ANSSI's floor for a password guarded by a lockout. */
export const PASSWORD_MIN_LENGTH = 12;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(200);

const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,100}$/, { error: 'Lettres sans accent, chiffres, points, tirets.' });
const displayNameSchema = z.string().trim().min(1).max(100);
const siteIdsSchema = z.array(siteIdSchema).max(50);

export const adminAgentSchema = agentSchema.extend({
  disabled: z.boolean(),
  createdAt: instantSchema,
});
export type AdminAgent = z.infer<typeof adminAgentSchema>;
export const adminAgentListSchema = z.object({ agents: z.array(adminAgentSchema) });

export const createAgentSchema = z.strictObject({
  login: loginSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  siteIds: siteIdsSchema,
  password: newPasswordSchema,
});
export type CreateAgent = z.infer<typeof createAgentSchema>;

/** Only the fields given change; `disabled: true` also revokes every device of the agent. */
export const updateAgentSchema = z
  .strictObject({
    displayName: displayNameSchema,
    role: roleSchema,
    siteIds: siteIdsSchema,
    disabled: z.boolean(),
  })
  .partial();
export type UpdateAgent = z.infer<typeof updateAgentSchema>;

export const resetPasswordSchema = z.strictObject({ password: newPasswordSchema });

export const adminSiteListSchema = z.object({ sites: z.array(siteSchema) });
export const createSiteSchema = siteSchema.strict();
export const updateSiteSchema = siteSchema.omit({ id: true }).strict().partial();
export type UpdateSite = z.infer<typeof updateSiteSchema>;

export const adminDeviceSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  agentId: uuidSchema,
  agentLogin: z.string(),
  agentName: z.string(),
  createdAt: instantSchema,
  lastSeenAt: instantSchema,
  tokenExpiresAt: instantSchema.nullable(),
  loggedOutAt: instantSchema.nullable(),
  revokedAt: instantSchema.nullable(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;
export const adminDeviceListSchema = z.object({ devices: z.array(adminDeviceSchema) });
