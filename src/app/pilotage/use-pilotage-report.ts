import { useEffect, useState } from 'preact/hooks';
import type { PilotageQuery } from '../../../shared/pilotage/query';
import type { PilotageReport } from '../../../shared/pilotage/report';
import { describeError, HttpError } from '../../sync/api-client';
import { useServices } from '../services';

export type ReportState =
  | { step: 'loading' }
  | { step: 'ready'; report: PilotageReport }
  | { step: 'failed'; message: string };

/** The figures of `query`, asked again when it changes; an older answer never replaces a newer. */
export function usePilotageReport(token: string, query: PilotageQuery): ReportState {
  const { api } = useServices();
  const [state, setState] = useState<ReportState>({ step: 'loading' });
  const key = JSON.stringify(query);
  useEffect(() => {
    const controller = new AbortController();
    setState({ step: 'loading' });
    api.pilotage(token, query, controller.signal).then(
      (report) => setState({ step: 'ready', report }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof HttpError
            ? error.message
            : `${describeError(error).message} Le pilotage demande une connexion au serveur.`;
        setState({ step: 'failed', message });
      },
    );
    return () => controller.abort();
  }, [api, token, key]); // the query's content, not its identity, decides when to ask again
  return state;
}
