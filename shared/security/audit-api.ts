import { z } from 'zod';
import { instantSchema, siteIdSchema, uuidSchema } from '../schemas/common';

/** The audit log as the cadre reads it (GET /api/v1/audit): who read or wrote which record. */
export const auditActions = ['read', 'write', 'export', 'rectify', 'purge'] as const;
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  read: 'Lecture',
  write: 'Écriture',
  export: 'Export RGPD',
  rectify: 'Rectification',
  purge: 'Purge (durée de conservation)',
};

export const AUDIT_PAGE_MAX = 500;

/** Filters; a cadre sees their own sites only, every filter narrows further. */
export const auditQuerySchema = z.strictObject({
  siteId: siteIdSchema.optional(),
  agentId: uuidSchema.optional(),
  personId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/)
    .optional(),
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional(),
  entityId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/)
    .optional(),
  action: z.enum(auditActions).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  /** The `nextBefore` of the previous page: entries older than it. */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: instantSchema,
  /** Null: the server itself (retention purge job). */
  agentId: uuidSchema.nullable(),
  agentName: z.string(),
  deviceId: uuidSchema.nullable(),
  action: z.enum(auditActions),
  entity: z.string(),
  entityId: z.string(),
  siteId: z.string().nullable(),
  personId: z.string().nullable(),
  via: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.number().int().optional(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
