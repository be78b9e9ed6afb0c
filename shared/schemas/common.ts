import { z } from 'zod';

export const uuidSchema = z.uuid();
/** Server instant, ISO 8601 with offset. Device instants are informative only (DESIGN §5). */
export const instantSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();
/** Sites are keyed by a readable id, e.g. `mds-41-41018` for the MDS of Blois. */
export const siteIdSchema = z.string().regex(/^[a-z0-9-]{3,64}$/);
export const inseeCodeSchema = z.string().regex(/^\d[0-9AB]\d{3}$/);

/** The server's acknowledgement of one record: what the person can be told ("Reçu n° …"). */
export const receiptSchema = z.object({
  number: z.string().min(1),
  issuedAt: instantSchema,
});
export type Receipt = z.infer<typeof receiptSchema>;
