import { PUBLICS, TYPES_SERVICE } from '../../shared/guide/enums';
import { familleOf, labelOf, thematiqueLabel } from '../../shared/guide/labels';
import type { ServiceRecord, StructureRecord } from '../../shared/guide/schemas';
import { locate, type Point } from './distance';

/** A service as the search sees it: its own fields, its structure's, and the labels of its enums. */
export interface GuideEntry {
  id: string;
  nom: string;
  description: string;
  structureNom: string;
  commune: string;
  codeInsee: string | undefined;
  /** French labels of the thématiques, publics and type, searchable as words. */
  labels: string;
  thematiques: string[];
  familles: string[];
  publics: string[];
  type: string | undefined;
  gratuit: boolean | undefined;
  at: Point | undefined;
}

export function toGuideEntries(
  services: readonly ServiceRecord[],
  structures: readonly StructureRecord[],
): GuideEntry[] {
  const byId = new Map(structures.map((s) => [s.id, s]));
  return services.map((service) => {
    const structure = byId.get(service.structure_id);
    const thematiques = service.thematiques ?? [];
    const publics = service.publics ?? [];
    return {
      id: service.id,
      nom: service.nom,
      description: service.description,
      structureNom: structure?.nom ?? '',
      commune: service.commune ?? structure?.commune ?? '',
      codeInsee: service.code_insee ?? structure?.code_insee ?? undefined,
      labels: [
        ...thematiques.map(thematiqueLabel),
        ...publics.map((p) => labelOf(PUBLICS, p)),
        service.type ? labelOf(TYPES_SERVICE, service.type) : '',
      ].join(' '),
      thematiques,
      familles: [...new Set(thematiques.map(familleOf))],
      publics,
      type: service.type ?? undefined,
      gratuit: service.frais ? service.frais === 'gratuit' : undefined,
      at: locate(service) ?? (structure ? locate(structure) : undefined),
    };
  });
}
