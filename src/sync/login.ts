import type { AppDB } from '../db/AppDB';
import { ensureKeyring } from '../db/keyring';
import { startSession, type Session } from '../db/session';
import type { ApiClient } from './api-client';

/**
 * Online login: the server checks the password, registers this device and returns its token,
 * and the recovery key of this agent on this installation. The session is stored on the
 * device so the app opens offline afterwards; see `startSession` for a different agent on a
 * shared tablet and for recovering sealed records.
 */
export async function login(
  db: AppDB,
  api: ApiClient,
  credentials: { login: string; password: string; deviceName: string },
): Promise<Session> {
  const { installId } = await ensureKeyring(db);
  const response = await api.login({ ...credentials, installId });
  const session: Session = {
    token: response.token,
    deviceId: response.deviceId,
    expiresAt: response.expiresAt,
    agent: response.agent,
  };
  await startSession(db, session, response.recoveryKey);
  return session;
}
