import { z } from 'zod';
import {
  FRAIS_VALUES,
  MOBILISABLE_PAR_VALUES,
  MODE_ACCUEIL_VALUES,
  MODE_MOBILISATION_VALUES,
  PUBLIC_VALUES,
  RESEAU_PORTEUR_VALUES,
  THEMATIQUE_VALUES,
  TYPE_SERVICE_VALUES,
} from './enum-values';

/**
 * data·inclusion schema v1 (domain/data-inclusion.md): a structure (a place or organisation)
 * and a service it offers. These are the records the server imports, stores and sends to
 * devices as the `structure` and `service` entities, field names as in the schema.
 */
export const thematiqueSchema = z.enum(THEMATIQUE_VALUES);
export const publicSchema = z.enum(PUBLIC_VALUES);
export const typeServiceSchema = z.enum(TYPE_SERVICE_VALUES);
export const fraisSchema = z.enum(FRAIS_VALUES);

const text = z.string().trim().min(1);
const optionalText = text.nullish();
const uri = z.url().nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();
/** COG code of a commune: 5 characters (Corsica has 2A/2B). */
const codeInsee = z
  .string()
  .regex(/^\w{5}$/)
  .nullish();
const codePostal = z
  .string()
  .regex(/^\d{5}$/)
  .nullish();

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
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .nullish(),
  site_web: uri,
  accessibilite_lieu: uri,
  reseaux_porteurs: list(z.enum(RESEAU_PORTEUR_VALUES)),
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
  modes_accueil: list(z.enum(MODE_ACCUEIL_VALUES)),
  modes_mobilisation: list(z.enum(MODE_MOBILISATION_VALUES)),
  mobilisable_par: list(z.enum(MOBILISABLE_PAR_VALUES)),
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
export const structureRecordSchema = structureSchema.extend({
  version: z.number().int().positive(),
});
export type StructureRecord = z.infer<typeof structureRecordSchema>;
export const serviceRecordSchema = serviceSchema.extend({ version: z.number().int().positive() });
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;
