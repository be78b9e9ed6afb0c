/** What an agent's device would hold after pulling: how the person tests read the server. */
import { personRecordSchema, type PersonRecord } from '../../../shared/persons/person';
import type { Change } from '../../../shared/sync/protocol-v1';
import { pull, type TestSession } from './fixtures';
import type { TestServer } from './test-server';

/** Every change the agent of `session` pulls from `cursor` on, and the cursor after them. */
export async function pullAll(server: TestServer, session: TestSession, cursor?: string) {
  const changes: Change[] = [];
  let query = cursor;
  for (;;) {
    const page = await pull(server, session.token, `?limit=1000${query ? `&cursor=${query}` : ''}`);
    changes.push(...page.changes);
    query = page.cursor;
    if (!page.hasMore) return { changes, cursor: page.cursor };
  }
}

/** The person as the agent's device would hold it after pulling everything, or undefined. */
export async function personSeenBy(server: TestServer, session: TestSession, id: string) {
  const { changes } = await pullAll(server, session);
  const last = changes.filter((c) => c.entity === 'person' && c.entityId === id).at(-1);
  return last?.op === 'put' ? personRecordSchema.parse(last.data) : undefined;
}

/** A field's value in a pulled person file. */
export function value(record: PersonRecord | undefined, name: 'lastName' | 'phone' | 'address') {
  return record?.fields[name]?.value;
}
