import { describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../shared/api';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, newSession, postJson, type TestSession } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer, type TestServer } from './support/test-server';

/** The recovery key of a tablet's sealed records (issue 7, docs/SECURITY.md). */
describe.each(testDatabases())('recovery keys at login on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  async function recoveryKey(
    app: TestServer,
    session: TestSession,
    installId?: string,
  ): Promise<string | undefined> {
    const response = await postJson(app, '/api/v1/auth/login', {
      login: session.agent.login,
      password: session.password,
      deviceName: 'Tablette partagée',
      ...(installId === undefined ? {} : { installId }),
    });
    expect(response.status).toBe(200);
    return loginResponseSchema.parse(await response.json()).recoveryKey;
  }

  it('gives the same agent on the same installation the same 32-byte key at every login', async () => {
    const session = await newSession(server(), [BLOIS]);
    const installId = uuidv7();
    const first = await recoveryKey(server(), session, installId);
    expect(Buffer.from(first!, 'base64url')).toHaveLength(32);
    expect(await recoveryKey(server(), session, installId)).toBe(first);
  });

  it('gives another agent, or another installation, a different key, and none without an installation id', async () => {
    const alice = await newSession(server(), [BLOIS]);
    const bob = await newSession(server(), [BLOIS]);
    const shared = uuidv7();
    const aliceKey = await recoveryKey(server(), alice, shared);
    expect(await recoveryKey(server(), bob, shared)).not.toBe(aliceKey);
    expect(await recoveryKey(server(), alice, uuidv7())).not.toBe(aliceKey);
    expect(await recoveryKey(server(), alice)).toBeUndefined();
  });

  it('gives nothing to a wrong password', async () => {
    const alice = await newSession(server(), [BLOIS]);
    const response = await postJson(server(), '/api/v1/auth/login', {
      login: alice.agent.login,
      password: 'pas-le-bon',
      deviceName: 'x',
      installId: uuidv7(),
    });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toContain('recoveryKey');
  });
});
