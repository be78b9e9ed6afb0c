import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../shared/errors';
import { roles } from '../../../shared/schemas/agent';
import { pullResponseSchema, pushResponseSchema } from '../../../shared/sync/protocol-v1';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { cellOf, ROUTES, type Scope } from './support/route-table';
import { registeredRoutes, send } from './support/send';
import { buildWorld, SECURITY_TEST_CONFIG, type World } from './support/world';

const SCOPES: Scope[] = ['own', 'other'];

/**
 * Every route × every role × a resource of the agent's own site or of another, with the
 * expected answer of each cell read from ONE table (support/route-table.ts).
 */
describe.each(testDatabases())('authorization matrix on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target, SECURITY_TEST_CONFIG);
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(server());
  });

  it('has a row for every route the server registers, and no row for a route it lacks', () => {
    expect(ROUTES.map((spec) => spec.route).sort()).toEqual(
      registeredRoutes(server().app).filter((route) => !route.startsWith('GET /*')),
    );
  });

  describe.each(ROUTES)('$route', (spec) => {
    if (spec.auth === 'device') {
      it('answers 401 without a token', async () => {
        const built = await spec.build(world, 'own', 'administrateur');
        const response = await send(server(), built);
        expect(response.status).toBe(401);
        expect(apiErrorBodySchema.parse(await response.json()).error.code).toBe('unauthorized');
      });
    }

    const cells = roles.flatMap((role) => SCOPES.map((scope) => ({ role, scope })));
    it.each(cells)('$role, $scope site', async ({ role, scope }) => {
      const expected = cellOf(spec, role, scope);
      const built = await spec.build(world, scope, role);
      const response = await send(server(), built, built.token ?? world.sessions[role].token);
      if (typeof expected === 'number') {
        expect(response.status).toBe(expected);
        if (expected >= 400)
          expect(apiErrorBodySchema.safeParse(await response.json()).success).toBe(true);
        return;
      }
      expect(response.status).toBe(200);
      if (expected === 'sees' || expected === 'hidden') {
        const page = pullResponseSchema.parse(await response.json());
        const ids = page.changes.map((change) => change.entityId);
        expect(ids.includes(world.visit[scope])).toBe(expected === 'sees');
        expect(ids.includes(world.person[scope])).toBe(expected === 'sees');
        // Whatever the cell, nothing of the other site ever comes down.
        expect(ids).not.toContain(world.visit.other);
        expect(ids).not.toContain(world.person.other);
        return;
      }
      const [result] = pushResponseSchema.parse(await response.json()).results;
      if (expected === 'accepted') expect(result?.status).toBe('accepted');
      else expect(result).toMatchObject({ status: 'rejected', reason: { code: 'forbidden_site' } });
    });
  });
});
