/**
 * THE list of what is encrypted on the tablet: for each IndexedDB table, the fields sealed
 * before they reach the disk. Every other field stays in clear because an index, the sync
 * engine before unlock, or the lock screen needs it; docs/SECURITY.md ("Sur l'appareil")
 * gives the reason for each. A new table holding personal data is one line here.
 */
export interface SealedTable {
  /** Top-level fields encrypted together into the row's `sealed` blob. */
  readonly fields: readonly string[];
  /** Only the rows with these primary keys are sealed (the `meta` table's session). */
  readonly onlyKeys?: readonly string[];
}

export const SEALED_TABLES: Readonly<Record<string, SealedTable>> = {
  // Answers hold the person's name, address, notes and every answer of the form.
  visits: { fields: ['answers'] },
  drafts: { fields: ['answers'] },
  // A queued change carries the whole record it sends.
  outbox: { fields: ['data'] },
  orientations: { fields: ['note'] },
  // Issue 8: the person file (identity, address, contacts, household, consent are all in
  // `fields`), what a referral says and to whom, what a task is about.
  persons: { fields: ['fields'] },
  referrals: { fields: ['reason', 'to', 'documents', 'events', 'pendingChange'] },
  tasks: { fields: ['title'] },
  // The device token would let anyone holding the tablet pull the agent's records.
  meta: { fields: ['value'], onlyKeys: ['session'] },
};

/** The row property holding the encrypted fields. */
export const SEALED_PROPERTY = 'sealed';
