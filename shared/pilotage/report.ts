import { z } from 'zod';
import { siteIdSchema } from '../schemas/common';
import { territorySchema } from './query';

/** Cells counting fewer persons than this are masked (statistical confidentiality). */
export const MASK_THRESHOLD = 5;

/**
 * One figure for the period and the previous one. `null` means masked: the cell counts fewer
 * than MASK_THRESHOLD persons (or is derived from such a cell), and is never sent.
 */
export const cellSchema = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
});
export type Cell = z.infer<typeof cellSchema>;

export const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** How to read the number: a count, a percentage (0–100), minutes or days. */
  unit: z.enum(['count', 'percent', 'minutes', 'days']),
});
export type Column = z.infer<typeof columnSchema>;

/** A table of the dashboard; each chart draws one, and every table can be exported. */
export const pilotageTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Header of the first column (what the rows are). */
  rowHeader: z.string(),
  columns: z.array(columnSchema).min(1),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      cells: z.array(cellSchema),
    }),
  ),
  note: z.string().optional(),
});
export type PilotageTable = z.infer<typeof pilotageTableSchema>;

export const pilotageSiteSchema = z.object({
  id: siteIdSchema,
  name: z.string(),
  territory: territorySchema.nullable(),
  latitude: z.number(),
  longitude: z.number(),
});
export type PilotageSite = z.infer<typeof pilotageSiteSchema>;

/** The answer of GET /api/v1/pilotage: every figure of the page for one period and scope. */
export const pilotageReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  scope: z.object({ label: z.string(), siteIds: z.array(siteIdSchema) }),
  /** The MDS and territories this agent may choose from. */
  choices: z.object({ sites: z.array(pilotageSiteSchema), territories: z.array(territorySchema) }),
  tables: z.object({
    personsFollowed: pilotageTableSchema,
    visitsByMonth: pilotageTableSchema,
    visitsBySite: pilotageTableSchema,
    visitsByProfession: pilotageTableSchema,
    visitsByForm: pilotageTableSchema,
    visitsByPlace: pilotageTableSchema,
    girDistribution: pilotageTableSchema,
    epds: pilotageTableSchema,
    digitalThemes: pilotageTableSchema,
    digitalDurations: pilotageTableSchema,
    referrals: pilotageTableSchema,
    lateTasks: pilotageTableSchema,
    avis: pilotageTableSchema,
  }),
});
export type PilotageReport = z.infer<typeof pilotageReportSchema>;
export type PilotageTableId = keyof PilotageReport['tables'];
