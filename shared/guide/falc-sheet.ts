import { FRAIS, PUBLICS } from './enums';
import { familleOf, labelOf, thematiqueLabel } from './labels';
import type { Service, Structure } from './schemas';

/**
 * The easy-to-read (FALC) sheet of a service: short sentences, one idea each, in the order a
 * person needs them. Built from the data·inclusion record alone, so the tablet (offline) and
 * the public page behind the QR code (server) say exactly the same thing.
 */
export interface FalcSheet {
  title: string;
  place: string | undefined;
  what: string[];
  forWhom: string[];
  cost: string[];
  bring: string[];
  goThere: string[];
  contact: { phone?: string; email?: string; contactName?: string };
}

/** Papers that help for each thématique family; the sheet lists those of the service's families. */
const PAPERS_BY_FAMILLE: Record<string, string[]> = {
  'difficultes-administratives-ou-juridiques': ['Les courriers que vous avez reçus.'],
  'difficultes-financieres': [
    'Vos derniers relevés de compte.',
    'Vos factures et votre avis d’impôt.',
  ],
  'logement-hebergement': ['Votre bail ou vos quittances de loyer.'],
  sante: ['Votre carte Vitale.', 'Votre attestation de mutuelle, si vous en avez une.'],
  numerique: [
    'Votre téléphone ou votre tablette, si vous en avez.',
    'Vos codes : adresse mail et mots de passe.',
  ],
  famille: ['Votre livret de famille.', 'Le carnet de santé de l’enfant.'],
  'trouver-un-emploi': ['Votre CV, si vous en avez un.', 'Votre numéro France Travail.'],
  'preparer-sa-candidature': ['Votre CV, si vous en avez un.'],
  'choisir-un-metier': ['Votre CV, si vous en avez un.'],
  'se-former': ['Vos diplômes ou attestations de formation.'],
  mobilite: ['Votre permis de conduire, si vous en avez un.'],
  'equipement-et-alimentation': ['Un papier qui montre vos ressources (CAF, salaire, pension).'],
};

export function buildFalcSheet(service: Service, structure?: Structure): FalcSheet {
  const thematiques = service.thematiques ?? [];
  const publics = service.publics ?? [];
  const bring = new Set(['Votre pièce d’identité.']);
  for (const famille of new Set(thematiques.map(familleOf))) {
    for (const paper of PAPERS_BY_FAMILLE[famille] ?? []) bring.add(paper);
  }
  return {
    title: service.nom,
    place: structure?.nom,
    what: [
      ...sentences(service.description),
      ...(thematiques.length > 0
        ? [`Ce service aide pour : ${thematiques.map(thematiqueLabel).join(', ').toLowerCase()}.`]
        : []),
    ],
    forWhom: [
      publics.length === 0 || publics.includes('tous-publics')
        ? 'Tout le monde peut venir.'
        : `Pour : ${publics.map((p) => labelOf(PUBLICS, p).toLowerCase()).join(', ')}.`,
      ...sentences(service.publics_precisions),
      ...sentences(service.conditions_acces),
    ],
    cost: [
      service.frais
        ? `C’est ${labelOf(FRAIS, service.frais).toLowerCase()}.`
        : 'Demandez le prix en appelant.',
      ...sentences(service.frais_precisions),
    ],
    bring: [...bring],
    goThere: goThere(service, structure),
    contact: {
      ...((service.telephone ?? structure?.telephone)
        ? { phone: (service.telephone ?? structure?.telephone)! }
        : {}),
      ...((service.courriel ?? structure?.courriel)
        ? { email: (service.courriel ?? structure?.courriel)! }
        : {}),
      ...(service.contact_nom_prenom ? { contactName: service.contact_nom_prenom } : {}),
    },
  };
}

function goThere(service: Service, structure?: Structure): string[] {
  const out: string[] = [];
  const address = service.adresse ?? structure?.adresse;
  const commune = service.commune ?? structure?.commune;
  const postcode = service.code_postal ?? structure?.code_postal;
  if (address || commune)
    out.push(
      `Adresse : ${[address, [postcode, commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')}.`,
    );
  const complement = service.complement_adresse ?? structure?.complement_adresse;
  if (complement) out.push(`${complement}.`);
  const modes = service.modes_mobilisation ?? [];
  if (modes.includes('telephoner')) out.push('Appelez avant de venir pour prendre rendez-vous.');
  else if (modes.includes('se-presenter')) out.push('Vous pouvez venir sans rendez-vous.');
  if (service.modes_accueil?.includes('a-distance'))
    out.push('Ce service peut aussi se faire par téléphone ou sur internet.');
  return out;
}

/** Text cut into sentences, so each is shown on its own line. */
function sentences(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
