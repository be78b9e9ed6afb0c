import { z } from 'zod';
import { siteIdSchema, uuidSchema } from './common';

export const roles = [
  'puericultrice',
  'conseillere_autonomie',
  'conseiller_numerique',
  'travailleur_social',
  'cadre',
  'administrateur',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  puericultrice: 'Puéricultrice',
  conseillere_autonomie: 'Conseillère autonomie',
  conseiller_numerique: 'Conseiller numérique',
  travailleur_social: 'Travailleur social',
  cadre: 'Cadre',
  administrateur: 'Administrateur',
};

export const agentSchema = z.object({
  id: uuidSchema,
  login: z.string().min(1),
  displayName: z.string().min(1),
  role: roleSchema,
  siteIds: z.array(siteIdSchema),
});
export type Agent = z.infer<typeof agentSchema>;
