import type { Session } from '../../db/session';
import { HttpError, NetworkError } from '../../sync/api-client';
import { rgpdApi, type RgpdApi } from '../../sync/rgpd-api';
import { officeErrorMessage } from '../admin/use-office';
import { useServices } from '../services';

/** The RGPD requests for the logged-in agent. */
export function useRgpdApi(session: Session): RgpdApi {
  const { api } = useServices();
  return rgpdApi(api, session.token);
}

/**
 * A French sentence for a failed RGPD request. These requests are made at the office, online:
 * the tablet keeps nothing of them, so a failure loses nothing but the try, and says why.
 */
export function rgpdErrorMessage(error: unknown): string {
  if (error instanceof NetworkError)
    return 'Serveur injoignable : les demandes RGPD se traitent en ligne. Vérifiez le réseau, puis réessayez.';
  if (error instanceof HttpError) {
    if (error.status === 403)
      return 'Refusé par le serveur : les demandes RGPD sont réservées au cadre du site de la personne.';
    if (error.status === 404)
      return 'Le serveur ne connaît pas cette fiche dans vos sites : si elle vient d’être créée ou modifiée sur la tablette, synchronisez d’abord.';
    if (error.status >= 500)
      return 'Le serveur a rencontré une erreur : réessayez dans un moment. Rien n’a été modifié sur la tablette.';
  }
  return officeErrorMessage(error);
}
