import { countOfPersons, median, personsCell } from '../../../shared/pilotage/cells';
import type { PilotageSite, PilotageTable } from '../../../shared/pilotage/report';
import type { Queryable } from '../db/database';
import { type PeriodParams, periodParams } from './period-visits';

/** Period bounds in Paris time, for the tables that are not about visits. */
const BOUNDS = `
  bounds AS (
    SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/Paris' AS prev_start,
           ($2::date)::timestamp AT TIME ZONE 'Europe/Paris' AS cur_start,
           ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Paris' AS cur_end
  ),
  periods AS (
    SELECT true AS cur, cur_start AS s, cur_end AS e FROM bounds
    UNION ALL SELECT false, prev_start, cur_start FROM bounds
  )`;

interface SiteCount {
  key: string | null;
  cur: boolean;
  n: number;
  seen: number;
}

const siteRows = (sites: readonly PilotageSite[], params: PeriodParams) =>
  sites.filter((site) => params.siteIds.includes(site.id));

/**
 * Persons followed in a period: the persons of the scope's MDS who were in a caseload at some
 * time of the period (a follow of `follow_periods` that started before it ended and did not end
 * before it began) or had a visit of these MDS in it, and were not deleted before it began; and
 * among them those seen in a visit. Who was seen comes from the days of migration 011: one row
 * per person seen only at MDS of the scope, else their days at each MDS of it.
 */
export async function personsFollowedTable(
  db: Queryable,
  params: PeriodParams,
  sites: readonly PilotageSite[],
): Promise<PilotageTable> {
  const rows = await db.query<SiteCount>(
    `WITH ${BOUNDS},
     seen_in AS (
       SELECT person_id, days && daterange($2::date, $3::date, '[]') AS cur,
              days && daterange($1::date, $2::date) AS prev
         FROM pilotage_person_seen WHERE sites <@ $4::text[]
       UNION ALL
       SELECT d.person_id, bool_or(d.days && daterange($2::date, $3::date, '[]')),
              bool_or(d.days && daterange($1::date, $2::date))
         FROM pilotage_person_seen s JOIN pilotage_person_days d ON d.person_id = s.person_id
        WHERE s.sites && $4::text[] AND NOT s.sites <@ $4::text[] AND d.site_id = ANY($4::text[])
        GROUP BY d.person_id
     ),
     seen AS (
       SELECT s.person_id, d.cur FROM seen_in s
        CROSS JOIN LATERAL (VALUES (true, s.cur), (false, s.prev)) AS d(cur, seen) WHERE d.seen
     ),
     caseload AS (
       SELECT f.person_id,
              bool_or(f.started_at < b.cur_end AND coalesce(f.ended_at > b.cur_start, true)) AS cur,
              bool_or(f.started_at < b.cur_start AND coalesce(f.ended_at > b.prev_start, true)) AS prev
         FROM follow_periods f CROSS JOIN bounds b
        WHERE f.started_at < b.cur_end AND coalesce(f.ended_at > b.prev_start, true)
        GROUP BY f.person_id
     ),
     followed AS (
       SELECT p.site_id, per.cur, s.person_id IS NOT NULL AS seen,
              coalesce(CASE WHEN per.cur THEN c.cur ELSE c.prev END, false) AS in_caseload
         FROM persons p CROSS JOIN periods per
         LEFT JOIN caseload c ON c.person_id = p.id
         LEFT JOIN seen s ON s.person_id = p.id AND s.cur = per.cur
        WHERE p.site_id = ANY($4::text[]) AND p.created_at < per.e
          AND (p.deleted_at IS NULL OR p.deleted_at >= per.s)
     )
     SELECT site_id AS key, cur, count(*)::int AS n, count(*) FILTER (WHERE seen)::int AS seen
       FROM followed WHERE seen OR in_caseload
      GROUP BY GROUPING SETS ((site_id, cur), (cur))`,
    periodParams(params),
  );
  const line = (key: string, label: string, site: string | null) => {
    const pick = (cur: boolean) =>
      rows.find((row) => row.cur === cur && row.key === site) ?? { n: 0, seen: 0 };
    const [now, before] = [pick(true), pick(false)];
    return {
      key,
      label,
      cells: [
        personsCell({ n: now.n, p: now.n }, { n: before.n, p: before.n }),
        personsCell({ n: now.seen, p: now.seen }, { n: before.seen, p: before.seen }),
      ],
    };
  };
  return {
    id: 'personsFollowed',
    title: 'Personnes suivies',
    rowHeader: 'MDS',
    columns: [
      { key: 'suivies', label: 'Personnes suivies', unit: 'count' },
      { key: 'vues', label: 'dont vues en visite', unit: 'count' },
    ],
    rows: [
      ...siteRows(sites, params).map((site) => line(site.id, site.name, site.id)),
      line('ensemble', 'Ensemble', null),
    ],
    note: 'Personne suivie : dans le portefeuille d’un professionnel ou vue en visite pendant la période.',
  };
}

interface ReferralFigures {
  key: string | null;
  cur: boolean;
  n: number;
  p: number;
  refused: number;
  refused_p: number;
  to_received: number | null;
  n_received: number;
  to_started: number | null;
  n_started: number;
  to_closed: number | null;
  n_closed: number;
}

const NO_REFERRAL: ReferralFigures = {
  key: null,
  cur: true,
  n: 0,
  p: 0,
  refused: 0,
  refused_p: 0,
  to_received: null,
  n_received: 0,
  to_started: null,
  n_started: 0,
  to_closed: null,
  n_closed: 0,
};

const DESTINATIONS = [
  { key: 'agent', label: 'Un professionnel' },
  { key: 'site', label: 'Une autre MDS' },
  { key: 'partner', label: 'Un partenaire' },
] as const;

/**
 * Referrals sent from the scope's MDS in the period, by destination, with the median delays in
 * days between statuses, from the server times of their status history: sent → received,
 * received → taken on (en cours), taken on → closed. A median over fewer than 5 referrals is
 * masked, like a count of fewer than 5 persons.
 */
export async function referralsTable(db: Queryable, params: PeriodParams): Promise<PilotageTable> {
  const days = (to: string, from: string) =>
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${to} - ${from}) / 86400)`;
  const rows = await db.query<ReferralFigures>(
    `WITH ${BOUNDS},
     r AS (
       SELECT r.id, r.person_id, r.to_kind, r.status, r.created_at >= b.cur_start AS cur, r.created_at
         FROM referrals r CROSS JOIN bounds b
        WHERE r.from_site_id = ANY($4::text[]) AND r.created_at >= b.prev_start AND r.created_at < b.cur_end
     ),
     timed AS (
       SELECT r.person_id, r.to_kind, r.status, r.cur,
              coalesce(min(e.at) FILTER (WHERE e.status = 'envoyee'), r.created_at) AS sent,
              min(e.at) FILTER (WHERE e.status = 'recue') AS received,
              min(e.at) FILTER (WHERE e.status = 'en_cours') AS started,
              min(e.at) FILTER (WHERE e.status = 'cloturee') AS closed
         FROM r LEFT JOIN referral_events e ON e.referral_id = r.id
        GROUP BY r.id, r.person_id, r.to_kind, r.status, r.cur, r.created_at
     )
     SELECT to_kind AS key, cur, count(*)::int AS n, count(DISTINCT person_id)::int AS p,
            count(*) FILTER (WHERE status = 'refusee')::int AS refused,
            count(DISTINCT person_id) FILTER (WHERE status = 'refusee')::int AS refused_p,
            ${days('received', 'sent')} AS to_received, count(received)::int AS n_received,
            ${days('started', 'received')} AS to_started, count(*) FILTER (WHERE received IS NOT NULL AND started IS NOT NULL)::int AS n_started,
            ${days('closed', 'started')} AS to_closed, count(*) FILTER (WHERE started IS NOT NULL AND closed IS NOT NULL)::int AS n_closed
       FROM timed GROUP BY GROUPING SETS ((to_kind, cur), (cur))`,
    periodParams(params),
  );
  const line = (key: string, label: string, kind: string | null) => {
    const pick = (cur: boolean) =>
      rows.find((row) => row.cur === cur && row.key === kind) ?? NO_REFERRAL;
    const [now, before] = [pick(true), pick(false)];
    const figure = (f: (r: ReferralFigures) => number | null) => ({
      value: f(now),
      previous: f(before),
    });
    return {
      key,
      label,
      cells: [
        personsCell(now, before),
        figure((r) => countOfPersons(r.refused, r.refused_p)),
        figure((r) => median(r.to_received, r.n_received)),
        figure((r) => median(r.to_started, r.n_started)),
        figure((r) => median(r.to_closed, r.n_closed)),
      ],
    };
  };
  return {
    id: 'referrals',
    title: 'Orientations par destination et délais',
    rowHeader: 'Destination',
    columns: [
      { key: 'orientations', label: 'Orientations', unit: 'count' },
      { key: 'refusees', label: 'Refusées', unit: 'count' },
      { key: 'delaiReception', label: 'Délai médian envoi → réception', unit: 'days' },
      {
        key: 'delaiPriseEnCharge',
        label: 'Délai médian réception → prise en charge',
        unit: 'days',
      },
      { key: 'delaiCloture', label: 'Délai médian prise en charge → clôture', unit: 'days' },
    ],
    rows: [
      ...DESTINATIONS.map((d) => line(d.key, d.label, d.key)),
      line('ensemble', 'Ensemble', null),
    ],
    note: 'Orientations envoyées depuis les MDS choisies pendant la période ; délais en jours, heure du serveur.',
  };
}

interface TaskFigures {
  key: string | null;
  cur: boolean;
  n: number;
  p: number;
  late: number;
  late_p: number;
}

/**
 * Tasks of the scope's MDS falling due in the period, and those late: done after their due
 * day, or not done and past due on `today`.
 */
export async function lateTasksTable(
  db: Queryable,
  params: PeriodParams,
  sites: readonly PilotageSite[],
  today: string,
): Promise<PilotageTable> {
  const rows = await db.query<TaskFigures>(
    `WITH t AS (
       SELECT t.site_id, t.person_id, t.due_on >= $2::date AS cur,
              CASE WHEN t.done_at IS NULL THEN t.due_on < $5::date
                   ELSE (t.done_at AT TIME ZONE 'Europe/Paris')::date > t.due_on END AS late
         FROM tasks t
        WHERE t.site_id = ANY($4::text[]) AND t.due_on >= $1::date AND t.due_on <= $3::date
     )
     SELECT site_id AS key, cur, count(*)::int AS n, count(DISTINCT person_id)::int AS p,
            count(*) FILTER (WHERE late)::int AS late,
            count(DISTINCT person_id) FILTER (WHERE late)::int AS late_p
       FROM t GROUP BY GROUPING SETS ((site_id, cur), (cur))`,
    [...periodParams(params), today],
  );
  const share = (r: TaskFigures | undefined) => {
    if (!r || r.n === 0) return null;
    const late = countOfPersons(r.late, r.late_p);
    const all = countOfPersons(r.n, r.p);
    return late === null || all === null ? null : Math.round((late / all) * 1000) / 10;
  };
  const line = (key: string, label: string, site: string | null) => {
    const pick = (cur: boolean) => rows.find((row) => row.cur === cur && row.key === site);
    const [now, before] = [pick(true), pick(false)];
    const zero = { n: 0, p: 0 };
    return {
      key,
      label,
      cells: [
        personsCell(now ?? zero, before ?? zero),
        personsCell(
          now ? { n: now.late, p: now.late_p } : zero,
          before ? { n: before.late, p: before.late_p } : zero,
        ),
        { value: share(now), previous: share(before) },
      ],
    };
  };
  return {
    id: 'lateTasks',
    title: 'Tâches en retard',
    rowHeader: 'MDS',
    columns: [
      { key: 'echues', label: 'Tâches à échéance', unit: 'count' },
      { key: 'retard', label: 'En retard', unit: 'count' },
      { key: 'part', label: 'Part en retard', unit: 'percent' },
    ],
    rows: [
      ...siteRows(sites, params).map((site) => line(site.id, site.name, site.id)),
      line('ensemble', 'Ensemble', null),
    ],
    note: 'En retard : faite après son échéance, ou pas faite et échéance passée à la date du calcul.',
  };
}
