import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../uuidv7';
import { mutationResultSchema, pullQuerySchema, pushRequestSchema } from './protocol-v1';

const mutation = () => ({
  id: uuidv7(),
  seq: 1,
  entity: 'visit',
  op: 'put',
  entityId: uuidv7(),
  data: { anything: true },
  at: '2026-11-23T10:00:00.000Z',
});

describe('sync protocol v1', () => {
  it('accepts a push of well-formed mutations, whatever their entity', () => {
    const request = {
      v: 1,
      deviceId: uuidv7(),
      mutations: [mutation(), { ...mutation(), entity: 'not-yet-known' }],
    };
    expect(pushRequestSchema.safeParse(request).success).toBe(true);
  });

  it('refuses another protocol version, an empty batch and a malformed mutation id', () => {
    const deviceId = uuidv7();
    expect(pushRequestSchema.safeParse({ v: 2, deviceId, mutations: [mutation()] }).success).toBe(
      false,
    );
    expect(pushRequestSchema.safeParse({ v: 1, deviceId, mutations: [] }).success).toBe(false);
    const bad = pushRequestSchema.safeParse({
      v: 1,
      deviceId,
      mutations: [{ ...mutation(), id: 'abc' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['mutations', 0, 'id']);
  });

  it('requires a receipt on accepted and duplicate results and a reason on refusals', () => {
    const id = uuidv7();
    const receipt = { number: '2026-000001', issuedAt: '2026-11-23T10:00:00.000Z' };
    expect(
      mutationResultSchema.safeParse({ id, status: 'accepted', version: 3, receipt }).success,
    ).toBe(true);
    expect(mutationResultSchema.safeParse({ id, status: 'duplicate', version: 3 }).success).toBe(
      false,
    );
    expect(mutationResultSchema.safeParse({ id, status: 'rejected' }).success).toBe(false);
    expect(
      mutationResultSchema.safeParse({
        id,
        status: 'rejected',
        reason: { code: 'invalid_record', message: 'x' },
      }).success,
    ).toBe(true);
  });

  it('bounds the pull page size', () => {
    expect(pullQuerySchema.parse({}).limit).toBe(200);
    expect(pullQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ limit: 'abc' }).success).toBe(false);
  });
});
