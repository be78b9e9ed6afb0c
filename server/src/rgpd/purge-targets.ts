/**
 * The records that expire, by the entity name of `retention_policies`: the table, the column
 * their age is counted from (last server write) and their site column. Listed in deletion order:
 * records naming another come before it.
 */
export interface PurgeTarget {
  entity: string;
  table: string;
  ageColumn: string;
  siteColumn: string;
}

export const PURGE_TARGETS: readonly PurgeTarget[] = [
  { entity: 'orientation', table: 'orientations', ageColumn: 'updated_at', siteColumn: 'site_id' },
  { entity: 'visit', table: 'visits', ageColumn: 'updated_at', siteColumn: 'site_id' },
];
