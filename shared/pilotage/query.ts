import { z } from 'zod';
import { isoDateSchema, siteIdSchema } from '../schemas/common';

/** The territories of social observation: a commune's arrondissement (migration 006). */
export const TERRITORIES = ['nord', 'centre', 'sud'] as const;
export const territorySchema = z.enum(TERRITORIES);
export type Territory = z.infer<typeof territorySchema>;
export const TERRITORY_LABELS: Record<Territory, string> = {
  nord: 'Nord',
  centre: 'Centre',
  sud: 'Sud',
};

/** The longest period one request may cover, in days: a few years of annual reviews. */
export const MAX_PERIOD_DAYS = 3 * 366;

/**
 * What the Pilotage page asks for: a period of whole days (`to` included) and a scope, the
 * whole département, one territory or one MDS. The previous period is the same number of days
 * just before `from`.
 */
export const pilotageQuerySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    territory: territorySchema.optional(),
    siteId: siteIdSchema.optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'La date de fin précède la date de début.',
    path: ['to'],
  })
  .refine((q) => periodDays(q) <= MAX_PERIOD_DAYS, {
    message: 'Période trop longue (trois ans au plus).',
    path: ['to'],
  })
  .refine((q) => !(q.territory && q.siteId), {
    message: 'Choisissez un territoire ou une MDS, pas les deux.',
    path: ['siteId'],
  });
export type PilotageQuery = z.infer<typeof pilotageQuerySchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Number of days of a period, both ends included. */
export function periodDays(period: { from: string; to: string }): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
}

/**
 * The period just before `period`: the same whole months when it covers whole months (the
 * year before a calendar year, leap or not), else the same number of days.
 */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const months = wholeMonths(period);
  if (months !== undefined) {
    const start = new Date(`${period.from}T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() - months);
    return { from: isoDay(start), to: isoDay(new Date(Date.parse(period.from) - DAY_MS)) };
  }
  const days = periodDays(period);
  return {
    from: isoDay(new Date(Date.parse(period.from) - days * DAY_MS)),
    to: isoDay(new Date(Date.parse(period.from) - DAY_MS)),
  };
}

/** How many calendar months the period covers, when it starts on a 1st and ends on a last day. */
function wholeMonths(period: { from: string; to: string }): number | undefined {
  const from = new Date(`${period.from}T00:00:00Z`);
  const dayAfter = new Date(Date.parse(period.to) + DAY_MS);
  if (from.getUTCDate() !== 1 || dayAfter.getUTCDate() !== 1) return undefined;
  return (
    (dayAfter.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    dayAfter.getUTCMonth() -
    from.getUTCMonth()
  );
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
