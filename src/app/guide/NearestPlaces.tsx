import { communeByCode } from '../../../shared/communes';
import type { StructureRecord } from '../../../shared/guide/schemas';
import { isFranceServices, isMds, nearestStructures } from '../../guide/distance';

/** "MDS la plus proche" and "France Services la plus proche" of the person's commune. */
export function NearestPlaces({
  structures,
  communeInsee,
}: {
  structures: readonly StructureRecord[];
  communeInsee: string;
}) {
  const commune = communeByCode(communeInsee);
  if (!commune) return null;
  const rows: Array<[string, ReturnType<typeof nearestStructures>[number] | undefined]> = [
    [
      'Maison des Solidarités la plus proche',
      nearestStructures(structures, communeInsee, isMds)[0],
    ],
    [
      'France Services la plus proche',
      nearestStructures(structures, communeInsee, isFranceServices)[0],
    ],
  ];
  return (
    <section
      class="card nearest"
      aria-label={`Au plus près de ${commune.nom}`}
      data-testid="nearest"
    >
      <dl>
        {rows.map(([label, found]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {found
                ? `${found.structure.nom} — ${formatKm(found.km)} (${found.structure.commune ?? ''})`
                : 'Aucune dans le guide'}
            </dd>
          </div>
        ))}
      </dl>
      <p class="hint">Distances à vol d’oiseau depuis le centre de {commune.nom}.</p>
    </section>
  );
}

export function formatKm(km: number): string {
  return km < 1 ? 'moins de 1 km' : `${Math.round(km)} km`;
}
