import { type Hlc, hlcSchema, receiveHlc, tickHlc } from '../../shared/persons/hlc';
import { allWrites } from '../../shared/persons/merge-person';
import type { PersonFieldStates } from '../../shared/persons/person';
import type { AppDB } from './AppDB';
import { readMeta, writeMeta } from './meta';

/**
 * The device's hybrid logical clock (shared/persons/hlc.ts), kept in `meta` so it never goes
 * back across restarts. Call inside a transaction that includes `db.meta`.
 */
const HLC_KEY = 'hlc';

/** A timestamp for a local edit. */
export async function nextHlc(db: AppDB, node: string, now: Date): Promise<Hlc> {
  const hlc = tickHlc(await readMeta(db, HLC_KEY, hlcSchema), now.getTime(), node);
  await writeMeta(db, HLC_KEY, hlc);
  return hlc;
}

/** Moves the clock past every field (household members included) of a pulled file, so the next edit sorts after them. */
export async function observeFields(
  db: AppDB,
  fields: PersonFieldStates,
  node: string,
  now: Date = new Date(),
): Promise<void> {
  let clock = await readMeta(db, HLC_KEY, hlcSchema);
  let changed = false;
  for (const write of allWrites(fields)) {
    if (clock !== undefined && write.hlc <= clock) continue;
    clock = receiveHlc(clock, write.hlc, now.getTime(), node);
    changed = true;
  }
  if (changed) await writeMeta(db, HLC_KEY, clock);
}
