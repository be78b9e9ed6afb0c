import { useState } from 'preact/hooks';
import { roleLabels } from '../../shared/schemas/agent';
import { observe } from '../db/observe';
import { logout, readSession, UnsentDataError, type Session } from '../db/session';
import { readSyncStatus } from '../db/sync-status';
import type { AppUpdates } from '../pwa/register-sw';
import {
  LazyAdmin,
  LazyAvis,
  LazyDraftScreen,
  LazyFormAdmin,
  LazyFormPicker,
  LazyGuide,
  LazyNewVisit,
  LazyPersons,
  LazyPilotage,
  LazyRgpd,
  LazyToFix,
} from './lazy-screens';
import { LockControls } from './lock/LockControls';
import { LockGate } from './lock/LockGate';
import { lazyModule } from './lazy';
import { LoginScreen, ReconnectBanner } from './LoginScreen';
import { defaultPilotageQuery } from './pilotage/pilotage-routes';
import { hrefFor, useRoute, type Route } from './router';
import { useServices } from './services';
import { SyncBar } from './SyncBar';
import { UpdateBanner } from './UpdateBanner';
import { useObservable } from './use-observable';
import { VisitList } from './VisitList';
import { countOf } from './format';

/** The app behind its lock (issue 7): nothing below renders while the tablet is locked. */
export function App({ updates }: { updates: AppUpdates }) {
  return (
    <LockGate>
      <UnlockedApp updates={updates} />
    </LockGate>
  );
}

function UnlockedApp({ updates }: { updates: AppUpdates }) {
  const { db } = useServices();
  // Two queries: the sync status changes after every pushed batch, and the session (decrypted
  // on each read) need not be read again then; `refused` is a boolean, so an unchanged one
  // re-renders nothing.
  const session = useObservable(
    () => observe(async () => ({ value: await readSession(db) })),
    [db],
  );
  const refused = useObservable(
    () => observe(async () => (await readSyncStatus(db)).error?.code === 'unauthorized'),
    [db],
  );
  const state =
    session === undefined || refused === undefined
      ? undefined
      : { session: session.value, refused };
  const route = useRoute();
  if (state === undefined) return <p class="loading">Chargement…</p>;
  if (state.session === undefined) return <LoginScreen />;
  // "Mon avis" is in the person's hands: no menu to the agent's records, and no update banner
  // (an update is applied from it only), so nothing reloads the page mid-way.
  if (route.name === 'avis') return <Screen route={route} session={state.session} />;
  const editing = route.name === 'draft' || route.name === 'new-visit';
  return (
    <>
      <a class="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Header session={state.session} />
      <SyncBar />
      <UpdateBanner updates={updates} editing={editing} />
      {state.refused && <ReconnectBanner login={state.session.agent.login} />}
      <Screen route={route} session={state.session} />
      <footer class="app-footer">Dernier Kilomètre · version {__APP_BUILD__}</footer>
    </>
  );
}

function Screen({ route, session }: { route: Route; session: Session }) {
  switch (route.name) {
    case 'new-visit':
      return <LazyNewVisit />;
    case 'draft':
      return <LazyDraftScreen key={route.id} draftId={route.id} session={session} />;
    case 'forms':
      return <LazyFormPicker session={session} personId={route.personId} />;
    case 'forms-admin':
      return <LazyFormAdmin session={session} />;
    case 'to-fix':
      return <LazyToFix />;
    case 'visits':
      return <VisitList signed={route.signed === true} />;
    case 'guide':
    case 'guide-service':
    case 'guide-admin':
      return <LazyGuide route={route} session={session} />;
    case 'persons':
    case 'person-new':
    case 'person':
    case 'person-orient':
    case 'person-sheet':
    case 'tasks':
    case 'referrals':
    case 'cadre':
      return <LazyPersons route={route} session={session} />;
    case 'admin':
    case 'audit':
      return <LazyAdmin route={route} session={session} />;
    case 'person-rgpd':
      return <LazyRgpd key={route.id} personId={route.id} session={session} />;
    case 'pilotage':
    case 'pilotage-print':
      return <LazyPilotage route={route} session={session} />;
    case 'avis':
      return <LazyAvis session={session} />;
  }
}

/** The referrals' code (and its schemas) loads after the app: the badge appears a moment later. */
const useReferrals = lazyModule(() => import('../db/referrals'));

function Header({ session }: { session: Session }) {
  const { db } = useServices();
  const referrals = useReferrals();
  const countNew = referrals.state === 'ready' ? referrals.value.countNewReferrals : undefined;
  const newReferrals =
    useObservable(
      () => observe(async () => (countNew ? countNew(db, session.agent) : 0)),
      [db, session.agent.id, countNew],
    ) ?? 0;
  const [message, setMessage] = useState<string | null>(null);

  async function onLogout() {
    try {
      await logout(db);
    } catch (error) {
      if (!(error instanceof UnsentDataError)) throw error;
      setMessage(
        `Déconnexion impossible : ${countOf(error.waiting, 'enregistrement ou brouillon n’est pas encore envoyé', 'enregistrements ou brouillons ne sont pas encore envoyés')}. Synchronisez ou terminez-les d’abord.`,
      );
    }
  }

  return (
    <header class="app-header">
      <a href={hrefFor({ name: 'visits' })} class="brand">
        Dernier Kilomètre
      </a>
      <nav aria-label="Navigation principale">
        <a href={hrefFor({ name: 'visits' })}>Visites</a>
        <a href={hrefFor({ name: 'persons' })}>Personnes</a>
        <a href={hrefFor({ name: 'tasks' })}>Mes tâches</a>
        <a href={hrefFor({ name: 'referrals' })}>
          Orientations
          {newReferrals > 0 && (
            <span class="pill pill-warning">{countOf(newReferrals, 'nouvelle', 'nouvelles')}</span>
          )}
        </a>
        {session.agent.role === 'cadre' && <a href={hrefFor({ name: 'cadre' })}>Suivi de la MDS</a>}
        <a href={hrefFor({ name: 'to-fix' })}>À corriger</a>
        <a href={hrefFor({ name: 'guide' })}>Guide des services</a>
        {(session.agent.role === 'cadre' || session.agent.role === 'administrateur') && (
          <a href={hrefFor({ name: 'pilotage', query: defaultPilotageQuery() })}>Pilotage</a>
        )}
        {session.agent.role === 'administrateur' && (
          <a href={hrefFor({ name: 'guide-admin' })}>Import du guide</a>
        )}
        {session.agent.role === 'administrateur' && (
          <a href={hrefFor({ name: 'forms-admin' })}>Publier un formulaire</a>
        )}
        {session.agent.role === 'administrateur' && (
          <a href={hrefFor({ name: 'admin', tab: 'agents' })}>Administration</a>
        )}
        {(session.agent.role === 'cadre' || session.agent.role === 'administrateur') && (
          <a href={hrefFor({ name: 'audit' })}>Journal des accès</a>
        )}
      </nav>
      <span class="agent">
        {session.agent.displayName} · {roleLabels[session.agent.role]}
      </span>
      <LockControls />
      <button type="button" class="button-link" onClick={() => void onLogout()}>
        Se déconnecter
      </button>
      {message && (
        <p class="alert alert-error" role="alert">
          {message}
        </p>
      )}
    </header>
  );
}
