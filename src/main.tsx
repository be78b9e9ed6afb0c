import { render } from 'preact';
import { App } from './app/App';
import { ServicesContext } from './app/services';
import { AppDB } from './db/AppDB';
import { canUseIndexedDB } from './db/storage-check';
import { registerServiceWorker } from './pwa/register-sw';
import { createApiClient } from './sync/api-client';
import { createSyncEngine } from './sync/sync-engine';
import { installFrenchValidationMessages } from '../shared/zod-locale';
import './app/styles.css';

/** Composition root: builds storage, network and sync once, and hands them to the UI. */
async function main(root: HTMLElement) {
  installFrenchValidationMessages();
  const updates = registerServiceWorker();
  if (!(await canUseIndexedDB())) {
    render(
      <main class="page">
        <h1>Stockage hors ligne indisponible</h1>
        <p class="alert alert-error" role="alert">
          Ce navigateur ne permet pas d’enregistrer des données sur la tablette (navigation privée
          ?). Le travail hors ligne est impossible ici : ouvrez l’application installée ou une
          fenêtre normale.
        </p>
      </main>,
      root,
    );
    return;
  }
  const db = new AppDB();
  const api = createApiClient();
  const sync = createSyncEngine({ db, api });
  sync.start();
  render(
    <ServicesContext.Provider value={{ db, api, sync }}>
      <App updates={updates} />
    </ServicesContext.Provider>,
    root,
  );
}

void main(document.getElementById('app')!);
