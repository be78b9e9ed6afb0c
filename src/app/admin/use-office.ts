import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import { adminApi, type AdminApi } from '../../sync/admin-api';
import { describeError, HttpError } from '../../sync/api-client';
import { useServices } from '../services';

/** The office API for the logged-in agent. */
export function useOfficeApi(session: Session): AdminApi {
  const { api } = useServices();
  return adminApi(api, session.token);
}

/** A French sentence for a failed office request, with the server's field details. */
export function officeErrorMessage(error: unknown): string {
  const { message } = describeError(error);
  if (error instanceof HttpError && Array.isArray(error.details)) {
    const details = (error.details as Array<{ path?: string; message?: string }>)
      .map((d) => (d.path ? `${d.path} : ${d.message ?? ''}` : (d.message ?? '')))
      .filter((text) => text !== '');
    if (details.length > 0) return `${message} ${details.join(' ; ')}`;
  }
  return message;
}

/** Loads `load()` now and on `reload()`; the error is a French sentence. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    load().then(setValue, (e: unknown) => setError(officeErrorMessage(e)));
  }, deps);
  useEffect(reload, [reload]);
  return { value, error, reload };
}
