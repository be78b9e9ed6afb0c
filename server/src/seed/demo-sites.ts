import { z } from 'zod';
import { type Site, siteSchema } from '../../../shared/schemas/site';
import data from './data/mds-41.json';

const mdsFileSchema = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      nom: z.string(),
      commune: z.string(),
      codeInsee: z.string(),
      latitude: z.number(),
      longitude: z.number(),
    }),
  ),
});

/** The 12 Maisons des Solidarités of Loir-et-Cher (data/mds-41.json) as sites. */
export const MDS_SITES: readonly Site[] = mdsFileSchema.parse(data).sites.map((mds) =>
  siteSchema.parse({
    id: mds.id,
    name: mds.nom,
    kind: 'mds',
    communeInsee: mds.codeInsee,
    communeName: mds.commune,
    latitude: mds.latitude,
    longitude: mds.longitude,
  }),
);

export const BLOIS = 'mds-41-41018';
export const MER = 'mds-41-41136';
export const BRACIEUX = 'mds-41-41025';
