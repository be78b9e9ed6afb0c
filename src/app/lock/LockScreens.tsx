import { useEffect, useState } from 'preact/hooks';
import type { LockState } from '../../db/lock-state';
import { LoginForm } from '../LoginScreen';
import { useServices } from '../services';
import { countOf } from '../format';

export interface LockScreenProps {
  state: Extract<LockState, { status: 'locked' | 'choose-pin' }>;
}

/** The key derivation and the cipher load on first use (precached for offline). */
const unlockSteps = () => import('../../db/unlock');

/** The PIN screens, loaded on first use (LockGate.tsx). */
export function LockScreens({ state }: LockScreenProps) {
  return (
    <main class="login" id="contenu">
      <h1>Dernier Kilomètre</h1>
      {state.status === 'choose-pin' ? <ChoosePin state={state} /> : <Unlock state={state} />}
    </main>
  );
}

function ChoosePin({ state }: { state: Extract<LockState, { status: 'choose-pin' }> }) {
  const { db } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const pin = String(form.get('pin') ?? '');
    if (pin !== String(form.get('pinConfirm') ?? '')) {
      setError('Les deux codes sont différents.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await (await unlockSteps()).choosePin(db, pin, state.legacy ? state.owner : undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Code refusé.');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} class="card" aria-describedby="pin-help">
      <h2>Choisissez votre code</h2>
      <p id="pin-help">
        Bonjour {state.owner.displayName}. Ce code de 6 à 12 chiffres ouvrira l’application sur
        cette tablette, même sans réseau. Ne le notez pas sur la tablette.
      </p>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <label for="pin">Nouveau code</label>
      <input
        id="pin"
        name="pin"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        required
      />
      <label for="pinConfirm">Confirmez le code</label>
      <input
        id="pinConfirm"
        name="pinConfirm"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        required
      />
      <button type="submit" class="button-primary" disabled={busy}>
        {busy ? 'Enregistrement…' : 'Enregistrer le code'}
      </button>
    </form>
  );
}

function Unlock({ state }: { state: Extract<LockState, { status: 'locked' }> }) {
  const { db, sync } = useServices();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [online, setOnline] = useState(false);
  const waitS = useSecondsUntil(state.retryAt);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'unlockPin',
    ) as HTMLInputElement;
    setBusy(true);
    setMessage(null);
    const result = await (await unlockSteps()).unlockWithPin(db, input.value);
    input.value = '';
    setBusy(false);
    if (result.status === 'unlocked') void sync.syncNow('start');
    else if (result.status === 'wrong')
      setMessage(
        `Code incorrect. Encore ${countOf(result.remaining, 'essai', 'essais')} avant l’effacement des données de la tablette.`,
      );
  }

  return (
    <>
      <form onSubmit={onSubmit} class="card">
        <h2>Application verrouillée</h2>
        <p>Tablette de {state.owner.displayName}. Saisissez votre code pour continuer.</p>
        {message && (
          <p class="alert alert-error" role="alert">
            {message}
          </p>
        )}
        {waitS > 0 && (
          <p class="alert" role="status">
            Trop d’essais : patientez {waitS} s avant le prochain.
          </p>
        )}
        <label for="unlockPin">Code</label>
        <input
          id="unlockPin"
          name="unlockPin"
          type="password"
          inputMode="numeric"
          autocomplete="off"
          required
          autoFocus
        />
        <button type="submit" class="button-primary" disabled={busy || waitS > 0}>
          {busy ? 'Vérification…' : 'Déverrouiller'}
        </button>
      </form>
      {online ? (
        <section class="card" aria-labelledby="online-title">
          <h2 id="online-title">Connexion en ligne</h2>
          <p>
            Votre identifiant et votre mot de passe rouvrent la tablette et permettent de choisir un
            nouveau code. Un autre agent ne peut l’utiliser qu’une fois vos enregistrements envoyés.
          </p>
          <LoginForm />
        </section>
      ) : (
        <button type="button" class="button-link" onClick={() => setOnline(true)}>
          Code oublié ou autre agent : se connecter en ligne
        </button>
      )}
    </>
  );
}

/** Whole seconds left before `at` (device time in ms), refreshed every second. */
function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setNow(Date.now()); // a wait that began while the screen stood still starts from the clock
    if (at === undefined || at <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
