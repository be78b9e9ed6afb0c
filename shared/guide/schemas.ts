import { z } from 'zod';
import {
  FRAIS,
  MOBILISABLE_PAR,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_SERVICE,
} from './enums';

/**
 * data·inclusion schema v1 (domain/data-inclusion.md): a structure (a place or organisation)
 * and a service it offers. These are the records the server imports, stores and sends to
 * devices as the `structure` and `service` entities, field names as in the schema.
 */
const enumOf = <T extends Record<string, string>>(labels: T) =>
  z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]);

export const thematiqueSchema = enumOf(THEMATIQUES);
export const publicSchema = enumOf(PUBLICS);
export const typeServiceSchema = enumOf(TYPES_SERVICE);
export const fraisSchema = enumOf(FRAIS);

const text = z.string().trim().min(1);
const optionalText = text.nullish();
const uri = z.url().nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();
/** COG code of a commune: 5 characters (Corsica has 2A/2B). */
const codeInsee = z.string().regex(/^\w{5}$/).nullish();
const codePostal = z.string().regex(/^\d{5}$/).nullish();

const place = {
  adresse: optionalText,
  complement_adresse: optionalText,
  code_insee: codeInsee,
  code_postal: codePostal,
  commune: optionalText,
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  courriel: z.email().nullish(),
  telephone: optionalText,
  horaires_accueil: optionalText,
  lien_source: uri,
};

export const structureSchema = z.object({
  id: text.max(200),
  source: text.max(200),
  nom: text.max(150),
  date_maj: z.iso.date(),
  description: z.string().max(10_000).nullish(),
  siret: z.string().regex(/^\d{14}$/).nullish(),
  site_web: uri,
  accessibilite_lieu: uri,
  reseaux_porteurs: list(enumOf(RESEAUX_PORTEURS)),
  ...place,
});
export type Structure = z.infer<typeof structureSchema>;

export const serviceSchema = z.object({
  id: text.max(200),
  source: text.max(200),
  structure_id: text.max(200),
  nom: text.max(150),
  date_maj: z.iso.date(),
  description: text.max(10_000),
  type: typeServiceSchema.nullish(),
  thematiques: list(thematiqueSchema),
  publics: list(publicSchema),
  publics_precisions: optionalText,
  frais: fraisSchema.nullish(),
  frais_precisions: optionalText,
  conditions_acces: optionalText,
  modes_accueil: list(enumOf(MODES_ACCUEIL)),
  modes_mobilisation: list(enumOf(MODES_MOBILISATION)),
  mobilisable_par: list(enumOf(MOBILISABLE_PAR)),
  mobilisation_precisions: optionalText,
  lien_mobilisation: uri,
  contact_nom_prenom: optionalText,
  nombre_semaines: z.number().int().positive().nullish(),
  volume_horaire_hebdomadaire: z.number().nonnegative().nullish(),
  zone_eligibilite: list(z.string().regex(/^(\w{2,3}|\w{5}|\d{9}|france)$/)),
  ...place,
});
export type Service = z.infer<typeof serviceSchema>;

/** A pulled record: the data·inclusion record and the server's version of it. */
export const structureRecordSchema = structureSchema.extend({ version: z.number().int().positive() });
export type StructureRecord = z.infer<typeof structureRecordSchema>;
export const serviceRecordSchema = serviceSchema.extend({ version: z.number().int().positive() });
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;
