import type { RunningServer } from '../../server/src/start';
import { adminDeviceSchema, type CreateAgent } from '../../shared/security/admin-api';
import { DEMO_PASSWORD } from './e2e-app';

/**
 * The administration API (`/api/v1/admin/…`) called with the demo administrator's own token,
 * as the administration screen calls it: for end-to-end tests that need an agent or a
 * revocation without going through that screen (tested on its own in security-admin).
 */
export async function adminApi(server: RunningServer) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      login: 'demo.admin',
      password: DEMO_PASSWORD,
      deviceName: 'Poste admin',
    }),
  });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  return {
    createAgent: (agent: CreateAgent) => call('POST', '/agents', agent),
    /** Revokes the tablet `login` registered last (its latest login); answers its id. */
    async revokeLatestDeviceOf(login: string): Promise<string> {
      const { devices } = (await call('GET', '/devices')) as { devices: unknown[] };
      const latest = devices
        .map((device) => adminDeviceSchema.parse(device))
        .filter((device) => device.agentLogin === login && device.revokedAt === null)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (latest === undefined) throw new Error(`no device of ${login} in service`);
      await call('POST', `/devices/${latest.id}/revoke`);
      return latest.id;
    },
  };
}
