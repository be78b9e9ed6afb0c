import { lazyScreen } from './lazy';

/**
 * The screens loaded on first use (lazy.tsx), each in its own chunk, so the first load holds
 * only the visit list, the sync bar and what every screen shares.
 */

/** The drafts and the generic visit form, with the list of communes they need. */
export const LazyDraftScreen = lazyScreen(
  () => import('./forms/DraftScreen').then((m) => m.DraftScreen),
  'Ouverture du brouillon…',
);
export const LazyNewVisit = lazyScreen(
  () => import('./VisitForm').then((m) => m.NewVisit),
  'Ouverture du formulaire…',
);

/** Choosing a form for a new visit, with the person it is about. */
export const LazyFormPicker = lazyScreen(() =>
  import('./forms/FormPicker').then((m) => m.FormPicker),
);

/** Records the server refused, to fix and resend or discard. */
export const LazyToFix = lazyScreen(() => import('./ToFix').then((m) => m.ToFix));

/** Administrators: publishing a form definition. */
export const LazyFormAdmin = lazyScreen(() => import('./forms/FormAdmin').then((m) => m.FormAdmin));

/** The forms engine: definitions evaluated at run time, AGGIR, EPDS, the renderer. */
export const LazyFormScreen = lazyScreen(
  () => import('./forms/FormScreen').then((m) => m.FormScreen),
  'Ouverture du formulaire…',
);

/** The guide: the search library and the opening-hours parser outweigh the rest of the app. */
export const LazyGuide = lazyScreen(
  () => import('./guide/GuideScreens').then((m) => m.GuideScreens),
  'Chargement du guide…',
);

/** Person files, caseload, referrals, tasks, the follow-up sheet and the cadre's view. */
export const LazyPersons = lazyScreen(() =>
  import('./persons/PersonScreens').then((m) => m.PersonScreens),
);

/** Pilotage and its charting library: field agents never download them. */
export const LazyPilotage = lazyScreen(
  () => import('./pilotage/PilotageScreens').then((m) => m.PilotageScreens),
  'Chargement du pilotage…',
);

/** "Mon avis", the questionnaire the person answers at the end of a visit. */
export const LazyAvis = lazyScreen(() => import('./avis/AvisScreen').then((m) => m.AvisScreen));

/** The RGPD requests about a person (cadres): export, rectification, retention. */
export const LazyRgpd = lazyScreen(() => import('./rgpd/RgpdScreen').then((m) => m.RgpdScreen));

/** Administration (agents, sites, tablets) and the access journal: field agents never open them. */
export const LazyAdmin = lazyScreen(
  () => import('./admin/AdminScreens').then((m) => m.AdminScreens),
  'Chargement de l’administration…',
);
