import { describe, expect, it } from 'vitest';
import { BLOIS, errorOf, newSession } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

const MINUTE_MS = 60 * 1000;
const BURST = 30;
const MAX_FAILURES_PER_LOGIN = 5;
const MAX_ATTEMPTS_PER_IP = 8;

/**
 * A burst of logins sent at once: each one is checked before its password is hashed, so
 * without an atomic check-and-record every one of them would be let through to scrypt.
 */
describe.each(testDatabases())(
  'login guard under a burst of parallel logins on $name',
  (target) => {
    if (skipWhenUnavailable(target)) return;
    const server = useTestServer(target, {
      trustProxy: true,
      login: {
        maxFailuresPerLogin: MAX_FAILURES_PER_LOGIN,
        lockMs: 15 * MINUTE_MS,
        maxAttemptsPerIp: MAX_ATTEMPTS_PER_IP,
        windowMs: 15 * MINUTE_MS,
      },
    });
    let address = 0;
    const newAddress = () => `203.0.113.${++address}`;
    const login = (body: { login: string; password: string }, ip: string) =>
      send(server(), {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { ...body, deviceName: 'Tablette' },
        headers: { 'x-forwarded-for': ip },
      });
    const codesOf = async (answers: Response[]) => {
      const codes = await Promise.all(
        answers.map(async (answer) => `${answer.status} ${(await errorOf(answer)).code}`),
      );
      return codes.reduce<Record<string, number>>(
        (counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }),
        {},
      );
    };
    const outcomes = async (where: string, value: string) =>
      Object.fromEntries(
        (
          await server().db.query<{ outcome: string; count: string | number }>(
            `SELECT outcome, count(*) AS count FROM login_attempts WHERE ${where} = $1 GROUP BY outcome`,
            [value],
          )
        ).map((row) => [row.outcome, Number(row.count)]),
      );

    it(`checks only ${MAX_FAILURES_PER_LOGIN} of ${BURST} parallel wrong passwords for one login, from many addresses, and locks the rest`, async () => {
      const agent = await newSession(server(), [BLOIS]);
      const credentials = { login: agent.agent.login, password: agent.password };
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          login({ ...credentials, password: `faux-${i}` }, newAddress()),
        ),
      );
      expect(await codesOf(answers)).toEqual({
        '401 invalid_credentials': MAX_FAILURES_PER_LOGIN,
        '429 login_locked': BURST - MAX_FAILURES_PER_LOGIN,
      });
      expect(await outcomes('login', credentials.login)).toEqual({
        success: 1,
        failure: MAX_FAILURES_PER_LOGIN,
        refused: BURST - MAX_FAILURES_PER_LOGIN,
      });
      // The right password waits for the end of the lock like any other, then gets in.
      expect((await login(credentials, newAddress())).status).toBe(429);
      server().clock.advance(15 * MINUTE_MS + 1000);
      expect((await login(credentials, newAddress())).status).toBe(200);
    });

    it(`checks only ${MAX_ATTEMPTS_PER_IP} of ${BURST} parallel logins from one address over many logins`, async () => {
      const ip = newAddress();
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) => login({ login: `rafale.${i}`, password: 'x' }, ip)),
      );
      expect(await codesOf(answers)).toEqual({
        '401 invalid_credentials': MAX_ATTEMPTS_PER_IP,
        '429 too_many_attempts': BURST - MAX_ATTEMPTS_PER_IP,
      });
      expect(await outcomes('ip', ip)).toEqual({
        failure: MAX_ATTEMPTS_PER_IP,
        refused: BURST - MAX_ATTEMPTS_PER_IP,
      });
    });

    it('lets each right password in when several agents log in at the same moment', async () => {
      const agents = await Promise.all([1, 2, 3].map(() => newSession(server(), [BLOIS])));
      const answers = await Promise.all(
        agents.map((agent) =>
          login({ login: agent.agent.login, password: agent.password }, newAddress()),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      for (const agent of agents) {
        expect(await outcomes('login', agent.agent.login)).toEqual({ success: 2 });
      }
    });
  },
);
