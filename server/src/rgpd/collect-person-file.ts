import type { Queryable } from '../db/database';
import type { HeldFile } from './collect-visit-file';

type Row = Record<string, unknown> & { id?: string };

/**
 * Everything the server holds about one person (RGPD art. 15): the file, who follows or pins
 * it and who followed it when, the visits naming the person and the orientations made from them, the referrals with
 * their status history, the tasks, and the audit entries about all of these (who read and wrote
 * them). Rows as stored. Undefined when there is no such person.
 */
export async function collectPersonFile(
  db: Queryable,
  personId: string,
): Promise<HeldFile | undefined> {
  const rows = (sql: string, params: unknown[] = [personId]) =>
    db.query<{ row: Row }>(sql, params).then((r) => r.map((x) => x.row));
  const persons = await rows('SELECT to_jsonb(p) AS row FROM persons p WHERE id = $1');
  const person = persons[0];
  if (!person) return undefined;
  const visits = await rows(
    'SELECT to_jsonb(v) AS row FROM visits v WHERE person_id = $1 ORDER BY version',
  );
  const visitIds = visits.map((v) => v.id);
  const referrals = await rows(
    'SELECT to_jsonb(r) AS row FROM referrals r WHERE person_id = $1 ORDER BY version',
  );
  const tables: HeldFile['tables'] = {
    persons,
    person_followers: await rows(
      `SELECT to_jsonb(f) || jsonb_build_object('agent_name', a.display_name) AS row
       FROM person_followers f JOIN agents a ON a.id = f.agent_id WHERE f.person_id = $1 ORDER BY since`,
    ),
    follow_periods: await rows(
      `SELECT to_jsonb(f) || jsonb_build_object('agent_name', a.display_name) AS row
       FROM follow_periods f JOIN agents a ON a.id = f.agent_id
       WHERE f.person_id = $1 ORDER BY started_at`,
    ),
    person_pins: await rows(
      'SELECT to_jsonb(x) AS row FROM person_pins x WHERE person_id = $1 ORDER BY since',
    ),
    visits,
    orientations: await rows(
      'SELECT to_jsonb(o) AS row FROM orientations o WHERE visit_id = ANY($1::uuid[]) ORDER BY version',
      [visitIds],
    ),
    referrals,
    referral_events: await rows(
      `SELECT to_jsonb(e) AS row FROM referral_events e
       WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id, seq`,
      [referrals.map((r) => r.id)],
    ),
    tasks: await rows(
      'SELECT to_jsonb(t) AS row FROM tasks t WHERE person_id = $1 ORDER BY version',
    ),
  };
  const recordIds = [
    personId,
    ...['visits', 'orientations', 'referrals', 'tasks'].flatMap((t) =>
      tables[t]!.map((r) => String(r.id)),
    ),
  ];
  tables.audit_log = await rows(
    `SELECT to_jsonb(l) || jsonb_build_object('agent_name', a.display_name) AS row
     FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id
     WHERE l.person_id = $1 OR l.entity_id = ANY($2::text[]) ORDER BY l.id`,
    [personId, recordIds],
  );
  return { siteId: String(person.site_id), tables };
}
