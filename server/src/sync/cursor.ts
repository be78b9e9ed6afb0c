import { z } from 'zod';

/**
 * The pull cursor: base64url of `{"v":1,"seq":N}`, opaque to the client, so it can later carry
 * more (a "must refetch" flag, a shard) without a protocol change.
 */
const cursorSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

export const START_CURSOR_SEQ = 0;

export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, seq }), 'utf8').toString('base64url');
}

/** The sequence number in `cursor`, or undefined when it is not one we made. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data.seq : undefined;
  } catch {
    return undefined;
  }
}
