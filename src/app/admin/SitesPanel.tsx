import { useState } from 'preact/hooks';
import type { Site } from '../../../shared/schemas/site';
import type { Session } from '../../db/session';
import { officeErrorMessage, useLoaded, useOfficeApi } from './use-office';

const EMPTY: Site = {
  id: '',
  name: '',
  kind: 'antenne',
  communeInsee: '',
  communeName: '',
  latitude: 47.59,
  longitude: 1.33,
};

/** Sites (MDS and antennas): every tablet receives them at its next sync. */
export function SitesPanel({ session }: { session: Session }) {
  const office = useOfficeApi(session);
  const sites = useLoaded(() => office.sites(), [session.token]);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [status, setStatus] = useState('');

  return (
    <section aria-labelledby="sites-titre">
      <h2 id="sites-titre">Sites</h2>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {sites.error && (
        <p class="alert alert-error" role="alert">
          {sites.error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button-primary" onClick={() => setEditing('new')}>
          Ajouter un site
        </button>
      </div>
      {editing !== null && (
        <SiteForm
          session={session}
          site={editing === 'new' ? undefined : editing}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
            sites.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {sites.value && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Commune</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {sites.value.map((site) => (
              <tr key={site.id}>
                <th scope="row">{site.name}</th>
                <td>{site.kind === 'mds' ? 'MDS' : 'Antenne'}</td>
                <td>
                  {site.communeName} ({site.communeInsee})
                </td>
                <td>
                  <button type="button" class="button-secondary" onClick={() => setEditing(site)}>
                    Modifier<span class="visually-hidden"> {site.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SiteForm(props: {
  session: Session;
  site?: Site;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const office = useOfficeApi(props.session);
  const [site, setSite] = useState<Site>(props.site ?? EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<Site>) => setSite((current) => ({ ...current, ...change }));
  const prefix = props.site ? `site-${props.site.id}` : 'site-nouveau';

  async function onSubmit(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      if (props.site) {
        const { id, ...change } = site;
        await office.updateSite(id, change);
      } else {
        await office.createSite(site);
      }
      props.onDone(`Site ${site.name} enregistré.`);
    } catch (e) {
      setError(officeErrorMessage(e));
    }
  }

  const text = (key: 'id' | 'name' | 'communeInsee' | 'communeName', label: string) => (
    <>
      <label for={`${prefix}-${key}`}>{label}</label>
      <input
        id={`${prefix}-${key}`}
        required
        disabled={key === 'id' && props.site !== undefined}
        value={site[key]}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
    </>
  );
  const number = (key: 'latitude' | 'longitude', label: string) => (
    <>
      <label for={`${prefix}-${key}`}>{label}</label>
      <input
        id={`${prefix}-${key}`}
        type="number"
        step="any"
        required
        value={site[key]}
        onInput={(e) => set({ [key]: Number(e.currentTarget.value) })}
      />
    </>
  );

  return (
    <form class="admin-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${prefix}-titre`}>
      <h3 id={`${prefix}-titre`}>{props.site ? `Modifier ${props.site.name}` : 'Nouveau site'}</h3>
      {text('id', 'Identifiant (minuscules, chiffres, tirets)')}
      {text('name', 'Nom')}
      <label for={`${prefix}-kind`}>Type</label>
      <select
        id={`${prefix}-kind`}
        value={site.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as Site['kind'] })}
      >
        <option value="mds">Maison des Solidarités</option>
        <option value="antenne">Antenne</option>
      </select>
      {text('communeInsee', 'Code INSEE de la commune')}
      {text('communeName', 'Commune')}
      {number('latitude', 'Latitude')}
      {number('longitude', 'Longitude')}
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button-primary">
          Enregistrer
        </button>
        <button type="button" class="button-secondary" onClick={props.onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
