import { z } from 'zod';
import { inseeCodeSchema, siteIdSchema } from './common';

/** A Maison des Solidarités or one of its antennas; public information, synced to every device. */
export const siteSchema = z.object({
  id: siteIdSchema,
  name: z.string().min(1),
  kind: z.enum(['mds', 'antenne']),
  communeInsee: inseeCodeSchema,
  communeName: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Site = z.infer<typeof siteSchema>;
