import type { Receipt } from '../../../shared/schemas/common';
import type { Queryable } from '../db/database';
import { type Int8, toSafeInt } from '../db/convert';

/** Digits after the year in a receipt number: "2026-000123". More once a year passes 999,999. */
const RECEIPT_DIGITS = 6;
const yearInFrance = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
});

/**
 * A new receipt: the year of the server clock in France and the next number of one database
 * sequence, issued now. The number is never reused, even if the transaction rolls back.
 */
export async function issueReceipt(tx: Queryable, now: Date): Promise<Receipt> {
  const rows = await tx.query<{ n: Int8 }>("SELECT nextval('receipt_number_seq') AS n");
  return { number: formatReceiptNumber(now, toSafeInt(rows[0]!.n)), issuedAt: now.toISOString() };
}

/** `count` receipts issued now, numbered in order, in one round trip. */
export async function issueReceipts(tx: Queryable, now: Date, count: number): Promise<Receipt[]> {
  const rows = await tx.query<{ n: Int8 }>(
    "SELECT nextval('receipt_number_seq') AS n FROM generate_series(1, $1)",
    [count],
  );
  const year = yearInFrance.format(now);
  const issuedAt = now.toISOString();
  return rows
    .map((row) => toSafeInt(row.n))
    .sort((a, b) => a - b)
    .map((n) => ({ number: receiptNumber(year, n), issuedAt }));
}

export function formatReceiptNumber(issuedAt: Date, n: number): string {
  return receiptNumber(yearInFrance.format(issuedAt), n);
}

function receiptNumber(year: string, n: number): string {
  return `${year}-${String(n).padStart(RECEIPT_DIGITS, '0')}`;
}
