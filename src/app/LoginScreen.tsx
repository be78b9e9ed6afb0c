import { useState } from 'preact/hooks';
import { UnsentDataError } from '../db/session';
import { describeError, HttpError } from '../sync/api-client';
import { requestPersistentStorage } from '../pwa/storage';
import { login } from '../sync/login';
import { useServices } from './services';
import { countOf } from './format';

function defaultDeviceName(): string {
  const ua = navigator.userAgent;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPad|iPhone|Mac/.test(ua)
      ? 'Apple'
      : /Windows/.test(ua)
        ? 'Windows'
        : 'Linux';
  return `Tablette ${system}`;
}

/**
 * The first login needs the network: the server checks the password and registers this
 * tablet. Afterwards the app opens offline with the stored session.
 */
export function LoginScreen({ notice }: { notice?: string }) {
  return (
    <main class="login" id="contenu">
      <h1>Dernier Kilomètre</h1>
      <p class="lead">Maisons des Solidarités de Loir-et-Cher</p>
      {notice && (
        <p class="alert alert-error" role="alert">
          {notice}
        </p>
      )}
      <LoginForm />
    </main>
  );
}

/**
 * Shown above the app when the server no longer accepts the tablet's session (expired after
 * weeks offline, or reset): the same agent logs in again and everything on the tablet, the
 * unsent records first, stays and syncs. Work can go on offline meanwhile.
 */
export function ReconnectBanner({ login }: { login: string }) {
  return (
    <section class="reconnect" aria-labelledby="reconnect-title">
      <h2 id="reconnect-title">Reconnexion nécessaire</h2>
      <p>
        Votre session a expiré. Reconnectez-vous pour envoyer vos enregistrements : rien n’est
        perdu, tout reste sur la tablette.
      </p>
      <LoginForm reconnectLogin={login} />
    </section>
  );
}

export function LoginForm({ reconnectLogin }: { reconnectLogin?: string }) {
  const { db, api, sync } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await login(db, api, {
        login: String(form.get('login') ?? ''),
        password: String(form.get('password') ?? ''),
        deviceName: String(form.get('deviceName') ?? '') || defaultDeviceName(),
      });
      // Asked right after the login gesture: browsers grant it more readily then.
      void requestPersistentStorage();
      void sync.syncNow('start');
    } catch (caught) {
      setError(loginErrorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} class="card" aria-describedby={error ? 'login-error' : undefined}>
      {reconnectLogin === undefined && <h2>Connexion</h2>}
      {error && (
        <p id="login-error" class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <label for="login">Identifiant</label>
      <input
        id="login"
        name="login"
        autocomplete="username"
        required
        autocapitalize="none"
        spellcheck={false}
        defaultValue={reconnectLogin}
        readOnly={reconnectLogin !== undefined}
      />
      <label for="password">Mot de passe</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <label for="deviceName">Nom de cette tablette</label>
      <input id="deviceName" name="deviceName" defaultValue={defaultDeviceName()} maxLength={100} />
      <button type="submit" class="button-primary" disabled={busy}>
        {busy ? 'Connexion…' : 'Se connecter'}
      </button>
      <p class="hint">
        La connexion demande du réseau. Ensuite, l’application fonctionne sans réseau.
      </p>
    </form>
  );
}

function loginErrorMessage(error: unknown): string {
  if (error instanceof UnsentDataError) {
    return `${error.ownerName ?? 'L’agent précédent'} a ${countOf(error.waiting, 'enregistrement non envoyé', 'enregistrements non envoyés')} sur cette tablette : il doit se reconnecter et synchroniser avant qu’un autre agent l’utilise.`;
  }
  if (error instanceof Error && error.name === 'RecoveryError')
    return 'Les enregistrements non envoyés de cette tablette ne peuvent pas être déchiffrés avec ce compte. Contactez l’administrateur.';
  if (error instanceof HttpError && error.status === 400)
    return 'Identifiant ou mot de passe manquant.';
  const { code, message } = describeError(error);
  return code === 'network'
    ? 'Pas de réseau : la connexion demande du réseau. Réessayez quand la tablette est connectée.'
    : message;
}
