import type { Receipt } from '../../../shared/schemas/common';
import type { MutationOutcome } from './outcome';
import { type BatchWriter, changeLogWriter, type PushContext } from './push-context';

/** What the server adds to a record a device created: its author, version, time and receipt. */
export interface ServerStamp {
  authorId: string;
  version: number;
  updatedAt: string;
  receipt: Receipt;
}

/**
 * Accepts a new record of a site: stamps it with a version and a receipt, writes it with
 * `writer`, and logs it for the pull of that site's agents. Call it once every check passed.
 */
export async function acceptNewRecord<T extends { id: string; siteId: string; personId?: string }>(
  ctx: PushContext,
  entity: string,
  writer: BatchWriter<T & ServerStamp>,
  data: T,
): Promise<MutationOutcome> {
  const version = await ctx.nextChangeSeq();
  const record: T & ServerStamp = {
    ...data,
    authorId: ctx.agent.id,
    version,
    updatedAt: ctx.now.toISOString(),
    receipt: await ctx.issueReceipt(),
  };
  await ctx.write(writer, record);
  await ctx.write(changeLogWriter, {
    entity,
    entityId: record.id,
    siteId: record.siteId,
    personId: record.personId ?? null,
    seq: version,
    op: 'put',
    payload: record,
  });
  return { status: 'accepted', version, receipt: record.receipt };
}
