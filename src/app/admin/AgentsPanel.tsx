import { useState } from 'preact/hooks';
import { type Role, roleLabels, roles } from '../../../shared/schemas/agent';
import { type AdminAgent, PASSWORD_MIN_LENGTH } from '../../../shared/security/admin-api';
import type { Site } from '../../../shared/schemas/site';
import type { Session } from '../../db/session';
import { officeErrorMessage, useLoaded, useOfficeApi } from './use-office';
import { countOf } from '../format';

/**
 * Agents: list, create, change name, role, sites, disable (which revokes their tablets), and
 * set a new password (which ends their sessions). Every change needs the network.
 */
export function AgentsPanel({ session }: { session: Session }) {
  const office = useOfficeApi(session);
  const agents = useLoaded(() => office.agents(), [session.token]);
  const sites = useLoaded(() => office.sites(), [session.token]);
  const [editing, setEditing] = useState<AdminAgent | 'new' | null>(null);
  const [status, setStatus] = useState<string>('');

  const siteName = (id: string) => sites.value?.find((s) => s.id === id)?.name ?? id;
  const done = (message: string) => {
    setEditing(null);
    setStatus(message);
    agents.reload();
  };

  return (
    <section aria-labelledby="agents-titre">
      <h2 id="agents-titre">Agents</h2>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {agents.error && (
        <p class="alert alert-error" role="alert">
          {agents.error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button-primary" onClick={() => setEditing('new')}>
          Créer un agent
        </button>
      </div>
      {editing !== null && sites.value && (
        <AgentForm
          session={session}
          agent={editing === 'new' ? undefined : editing}
          sites={sites.value}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {agents.value === undefined ? (
        !agents.error && <p class="loading">Chargement des agents…</p>
      ) : (
        <table class="admin-table">
          <caption class="hint">{countOf(agents.value.length, 'agent', 'agents')}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Rôle</th>
              <th scope="col">Sites</th>
              <th scope="col">État</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {agents.value.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.displayName}</th>
                <td>{agent.login}</td>
                <td>{roleLabels[agent.role]}</td>
                <td>{agent.siteIds.map(siteName).join(', ') || '—'}</td>
                <td class={agent.disabled ? 'status-off' : 'status-ok'}>
                  {agent.disabled ? 'Désactivé' : 'Actif'}
                </td>
                <td>
                  <button type="button" class="button-secondary" onClick={() => setEditing(agent)}>
                    Modifier<span class="visually-hidden"> {agent.displayName}</span>
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

function AgentForm(props: {
  session: Session;
  agent?: AdminAgent;
  sites: Site[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { agent, sites } = props;
  const office = useOfficeApi(props.session);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState(agent?.displayName ?? '');
  const [role, setRole] = useState<Role>(agent?.role ?? 'travailleur_social');
  const [siteIds, setSiteIds] = useState<string[]>(agent?.siteIds ?? []);
  const [disabled, setDisabled] = useState(agent?.disabled ?? false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = agent ? `agent-${agent.id}` : 'agent-nouveau';
  const isSelf = agent?.id === props.session.agent.id;

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onDone(message);
    } catch (e) {
      setError(officeErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (agent) {
      void run(
        () => office.updateAgent(agent.id, { displayName, role, siteIds, disabled }),
        disabled && !agent.disabled
          ? `${displayName} est désactivé : ses tablettes sont révoquées.`
          : `${displayName} est enregistré.`,
      );
    } else {
      void run(
        () => office.createAgent({ login, displayName, role, siteIds, password }),
        `Agent ${displayName} créé.`,
      );
    }
  }

  const toggleSite = (id: string, on: boolean) =>
    setSiteIds((current) => (on ? [...current, id] : current.filter((s) => s !== id)));

  return (
    <form class="admin-form" onSubmit={onSubmit} aria-labelledby={`${prefix}-titre`}>
      <h3 id={`${prefix}-titre`}>{agent ? `Modifier ${agent.displayName}` : 'Nouvel agent'}</h3>
      {!agent && (
        <>
          <label for={`${prefix}-login`}>Identifiant</label>
          <input
            id={`${prefix}-login`}
            required
            autocomplete="off"
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
          />
        </>
      )}
      <label for={`${prefix}-nom`}>Nom affiché</label>
      <input
        id={`${prefix}-nom`}
        required
        value={displayName}
        onInput={(e) => setDisplayName(e.currentTarget.value)}
      />
      <label for={`${prefix}-role`}>Rôle</label>
      <select
        id={`${prefix}-role`}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role)}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Sites de rattachement</legend>
        {sites.map((site) => (
          <label key={site.id} class="check">
            <input
              type="checkbox"
              checked={siteIds.includes(site.id)}
              onChange={(e) => toggleSite(site.id, e.currentTarget.checked)}
            />
            {site.name}
          </label>
        ))}
      </fieldset>
      {agent ? (
        <label class="check">
          <input
            type="checkbox"
            checked={disabled}
            disabled={isSelf}
            onChange={(e) => setDisabled(e.currentTarget.checked)}
          />
          Compte désactivé (ses tablettes sont révoquées et effacées à leur prochaine connexion)
        </label>
      ) : (
        <>
          <label for={`${prefix}-mdp`}>
            Mot de passe initial ({PASSWORD_MIN_LENGTH} caractères au moins)
          </label>
          <input
            id={`${prefix}-mdp`}
            type="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </>
      )}
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        <button type="button" class="button-secondary" onClick={props.onCancel}>
          Annuler
        </button>
      </div>
      {agent && <PasswordReset session={props.session} agent={agent} onDone={props.onDone} />}
    </form>
  );
}

function PasswordReset(props: {
  session: Session;
  agent: AdminAgent;
  onDone: (message: string) => void;
}) {
  const office = useOfficeApi(props.session);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `mdp-${props.agent.id}`;

  async function onReset() {
    setError(null);
    try {
      await office.resetPassword(props.agent.id, password);
      props.onDone(
        `Nouveau mot de passe enregistré pour ${props.agent.displayName} : ses sessions sont fermées.`,
      );
    } catch (e) {
      setError(officeErrorMessage(e));
    }
  }

  return (
    <div>
      <label for={id}>Nouveau mot de passe ({PASSWORD_MIN_LENGTH} caractères au moins)</label>
      <input
        id={id}
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="button-secondary"
          disabled={password.length < PASSWORD_MIN_LENGTH}
          onClick={() => void onReset()}
        >
          Remplacer le mot de passe
        </button>
      </div>
    </div>
  );
}
