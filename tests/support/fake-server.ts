import type { ApiClient } from '../../src/sync/api-client';
import type {
  Mutation,
  MutationResult,
  PullResponse,
  PushResponse,
} from '../../shared/sync/protocol-v1';

/**
 * An in-memory stand-in for the server at the ApiClient boundary, for unit tests of the sync
 * engine: idempotent by mutation id like the real one, with hooks to fail on purpose. The real
 * server is tested on PGlite and PostgreSQL in tests/server/, and end to end in tests/e2e/.
 */
export class FakeServer implements ApiClient {
  readonly applied = new Map<string, MutationResult>();
  readonly pushes: Mutation[][] = [];
  pages: PullResponse[] = [];
  /** Called before each push; throw to simulate a fault. `afterApply` faults lose the answer. */
  beforePush: (mutations: Mutation[]) => void = () => {};
  afterApply: () => void | Promise<void> = () => {};
  reject: (mutation: Mutation) => boolean = () => false;
  private nextReceipt = 1;

  async login(): Promise<never> {
    throw new Error('not used');
  }

  async uploadGuide(): Promise<never> {
    throw new Error('not used');
  }

  async findPersonDuplicates(): Promise<{ matches: never[] }> {
    return { matches: [] };
  }

  async uploadFormDefinition(): Promise<never> {
    throw new Error('not used');
  }

  async office(..._request: unknown[]): Promise<never> {
    throw new Error('not used');
  }

  async officeDocument(..._request: unknown[]): Promise<never> {
    throw new Error('not used');
  }

  async pilotage(): Promise<never> {
    throw new Error('not used');
  }

  async push(_token: string, request: { mutations: Mutation[] }): Promise<PushResponse> {
    this.beforePush(request.mutations);
    this.pushes.push(request.mutations);
    const results = request.mutations.map((m): MutationResult => {
      const seen = this.applied.get(m.id);
      if (seen) return seen.status === 'accepted' ? { ...seen, status: 'duplicate' } : seen;
      const result: MutationResult = this.reject(m)
        ? {
            id: m.id,
            status: 'rejected',
            reason: { code: 'invalid_record', message: 'Enregistrement incomplet ou invalide.' },
          }
        : {
            id: m.id,
            status: 'accepted',
            version: this.nextReceipt,
            receipt: {
              number: `2026-${String(this.nextReceipt++).padStart(6, '0')}`,
              issuedAt: '2026-11-23T10:00:00.000Z',
            },
          };
      this.applied.set(m.id, result);
      return result;
    });
    await this.afterApply();
    return { v: 1, results, serverTime: '2026-11-23T10:00:00.000Z' };
  }

  async pull(): Promise<PullResponse> {
    return (
      this.pages.shift() ?? {
        v: 1,
        changes: [],
        cursor: 'end',
        hasMore: false,
        serverTime: '2026-11-23T10:00:01.000Z',
      }
    );
  }

  acceptedCount(): number {
    return [...this.applied.values()].filter((r) => r.status === 'accepted').length;
  }
}
