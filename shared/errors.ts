import { z } from 'zod';

/**
 * Stable error codes for programs, with the French message shown to people. The server sends
 * both; the client translates by code so a message can be reworded without a protocol change.
 */
export const apiErrorCodes = {
  invalid_json: 'La requête n’est pas du JSON valide.',
  invalid_body: 'La requête ne respecte pas le format attendu.',
  invalid_query: 'Les paramètres de la requête sont invalides.',
  unauthorized: 'Session absente ou expirée : reconnectez-vous.',
  invalid_credentials: 'Identifiant ou mot de passe incorrect.',
  device_revoked: 'Cette tablette a été révoquée par un administrateur.',
  forbidden: 'Vous n’avez pas accès à cette ressource.',
  not_found: 'Ressource introuvable.',
  payload_too_large: 'La requête est trop volumineuse.',
  unsupported_protocol:
    'Version du protocole de synchronisation non prise en charge : mettez l’application à jour.',
  internal_error: 'Erreur interne du serveur. Réessayez plus tard.',
  guide_unreadable:
    'Fichier illisible : ce n’est pas un fichier texte JSON ou CSV (UTF-8). Rien n’a été importé.',
  invalid_form_definition:
    'Définition de formulaire invalide : rien n’a été publié. Corrigez toutes les erreurs listées.',
  guide_not_data_inclusion:
    'Ce fichier n’est pas au format data·inclusion (structures et services). Rien n’a été importé.',
  method_not_allowed: 'Méthode non autorisée pour cette adresse.',
  too_many_attempts:
    'Trop de tentatives de connexion depuis ce réseau. Patientez quelques minutes avant de réessayer.',
  login_locked:
    'Compte bloqué temporairement après plusieurs mots de passe incorrects. Réessayez plus tard ou demandez à un administrateur de réinitialiser le mot de passe.',
  account_disabled: 'Ce compte est désactivé. Adressez-vous à un administrateur.',
  login_taken: 'Cet identifiant est déjà utilisé par un autre agent.',
  site_taken: 'Un site porte déjà cet identifiant.',
} as const;
export type ApiErrorCode = keyof typeof apiErrorCodes;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** Why the server refused one mutation of a push. The record stays on the device, visible. */
export const rejectionCodes = {
  unknown_entity: 'Type d’enregistrement inconnu du serveur.',
  unsupported_op: 'Opération non prise en charge pour ce type d’enregistrement.',
  invalid_record: 'Enregistrement incomplet ou invalide.',
  internal_record_error:
    'Le serveur n’a pas pu traiter cet enregistrement (erreur interne). Il reste sur la tablette : signalez-le à l’assistance.',
  entity_id_mismatch: 'Identifiant de l’enregistrement incohérent.',
  unknown_form: 'Formulaire inconnu ou version non publiée.',
  forbidden_site: 'Vous n’êtes pas rattaché·e à ce site.',
  immutable_record: 'Cet enregistrement est signé et ne peut plus être modifié.',
  version_conflict: 'L’enregistrement a été modifié ailleurs entre-temps.',
  mutation_id_taken: 'Identifiant d’opération déjà utilisé par un autre agent.',
  computed_mismatch:
    'Une valeur calculée (score, GIR, âge…) ne correspond pas au calcul officiel : rouvrez et signez à nouveau.',
  unknown_person: 'Cette personne est introuvable sur le serveur ou hors de vos sites.',
  transition_not_allowed: 'Ce changement de statut n’est pas possible depuis le statut actuel.',
  not_your_side: 'Ce changement de statut revient à l’autre professionnel de l’orientation.',
  reason_required: 'Indiquez le motif du refus.',
} as const;
export type RejectionCode = keyof typeof rejectionCodes;

export function rejectionMessage(code: string, fallback?: string): string {
  return (rejectionCodes as Record<string, string>)[code] ?? fallback ?? 'Refusé par le serveur.';
}
