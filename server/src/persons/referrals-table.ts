/** The `referrals` and `referral_events` tables. */
import type {
  ReferralEvent,
  ReferralRecord,
  ReferralTarget,
} from '../../../shared/persons/referral';
import type { ReferralStatus } from '../../../shared/persons/referral-status';
import type { Queryable } from '../db/database';
import { type Int8, toIso, toSafeInt } from '../db/convert';

interface ReferralRow {
  id: string;
  person_id: string;
  from_agent_id: string;
  from_site_id: string;
  to_kind: ReferralTarget['kind'];
  to_agent_id: string | null;
  to_site_id: string | null;
  to_partner: string | null;
  service_id: string | null;
  reason: string;
  urgency: ReferralRecord['urgency'];
  documents: ReferralRecord['documents'];
  status: ReferralStatus;
  device_created_at: Date | string;
  version: Int8;
  updated_at: Date | string;
  receipt_number: string;
  receipt_issued_at: Date | string;
}

/** The referral with its history, locked until the end of the transaction. */
export async function selectReferralForUpdate(
  tx: Queryable,
  id: string,
): Promise<ReferralRecord | undefined> {
  const rows = await tx.query<ReferralRow>('SELECT * FROM referrals WHERE id = $1 FOR UPDATE', [
    id,
  ]);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    personId: row.person_id,
    fromSiteId: row.from_site_id,
    fromAgentId: row.from_agent_id,
    to: targetOf(row),
    reason: row.reason,
    urgency: row.urgency,
    consent: true,
    documents: row.documents,
    createdAt: toIso(row.device_created_at),
    status: row.status,
    events: await selectEvents(tx, id),
    version: toSafeInt(row.version),
    updatedAt: toIso(row.updated_at),
    receipt: { number: row.receipt_number, issuedAt: toIso(row.receipt_issued_at) },
  };
}

function targetOf(row: ReferralRow): ReferralTarget {
  if (row.to_kind === 'agent') return { kind: 'agent', agentId: row.to_agent_id! };
  if (row.to_kind === 'site') return { kind: 'site', siteId: row.to_site_id! };
  return row.service_id === null
    ? { kind: 'partner', partner: row.to_partner! }
    : { kind: 'partner', partner: row.to_partner!, serviceId: row.service_id };
}

async function selectEvents(tx: Queryable, referralId: string): Promise<ReferralEvent[]> {
  const rows = await tx.query<{
    seq: number;
    status: ReferralStatus;
    at: Date | string;
    agent_id: string;
    reason: string | null;
  }>(
    'SELECT seq, status, at, agent_id, reason FROM referral_events WHERE referral_id = $1 ORDER BY seq',
    [referralId],
  );
  return rows.map((row) => ({
    seq: row.seq,
    status: row.status,
    at: toIso(row.at),
    agentId: row.agent_id,
    ...(row.reason === null ? {} : { reason: row.reason }),
  }));
}

export async function insertReferral(tx: Queryable, r: ReferralRecord): Promise<void> {
  const to = r.to;
  await tx.query(
    `INSERT INTO referrals (id, person_id, from_agent_id, from_site_id, to_kind, to_agent_id, to_site_id,
                            to_partner, service_id, reason, urgency, consent, documents, status,
                            device_created_at, created_at, version, updated_at, receipt_number, receipt_issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12::jsonb, $13, $14, $15, $16, $15, $17, $18)`,
    [
      r.id,
      r.personId,
      r.fromAgentId,
      r.fromSiteId,
      to.kind,
      to.kind === 'agent' ? to.agentId : null,
      to.kind === 'site' ? to.siteId : null,
      to.kind === 'partner' ? to.partner : null,
      to.kind === 'partner' ? (to.serviceId ?? null) : null,
      r.reason,
      r.urgency,
      JSON.stringify(r.documents),
      r.status,
      r.createdAt,
      r.updatedAt,
      r.version,
      r.receipt.number,
      r.receipt.issuedAt,
    ],
  );
}

export async function insertReferralEvent(
  tx: Queryable,
  referralId: string,
  eventId: string,
  event: ReferralEvent,
): Promise<void> {
  await tx.query(
    `INSERT INTO referral_events (referral_id, seq, status, at, agent_id, reason, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [referralId, event.seq, event.status, event.at, event.agentId, event.reason ?? null, eventId],
  );
}

export async function updateReferralStatus(
  tx: Queryable,
  r: Pick<ReferralRecord, 'id' | 'status' | 'version' | 'updatedAt'>,
): Promise<void> {
  await tx.query('UPDATE referrals SET status = $2, version = $3, updated_at = $4 WHERE id = $1', [
    r.id,
    r.status,
    r.version,
    r.updatedAt,
  ]);
}

export async function referralExists(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM referrals WHERE id = $1', [id])).length > 0;
}

export async function agentExists(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM agents WHERE id = $1', [id])).length > 0;
}

export async function siteExists(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM sites WHERE id = $1', [id])).length > 0;
}
