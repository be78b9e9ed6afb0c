import { z } from 'zod';
import data from './data/communes-41.json';

/**
 * The 267 communes of Loir-et-Cher (COG INSEE) with approximate centres, and the former
 * communes (déléguées or associées) people still give as their address, each mapped to the
 * commune that absorbed it. Records are always keyed by INSEE code, never by postal code.
 */
const communeSchema = z.object({
  code: z.string(),
  nom: z.string(),
  codesPostaux: z.array(z.string()),
  lat: z.number(),
  lon: z.number(),
});
export type Commune = z.infer<typeof communeSchema>;

const formerCommuneSchema = z.object({ code: z.string(), nom: z.string(), chefLieu: z.string() });
export type FormerCommune = z.infer<typeof formerCommuneSchema>;

const parsed = z
  .object({
    communes: z.array(communeSchema),
    anciennes: z.array(formerCommuneSchema),
  })
  .parse(data);

export const communes: readonly Commune[] = parsed.communes;
export const formerCommunes: readonly FormerCommune[] = parsed.anciennes;

const byCode = new Map(communes.map((c) => [c.code, c]));

export function communeByCode(code: string): Commune | undefined {
  return byCode.get(code);
}

/** Lower case, without accents, hyphens and apostrophes as spaces: "St-Aignan" ~ "st aignan". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();
}
