import { describe, expect, it } from 'vitest';
import { importGuide } from '../../server/src/guide/import-guide';
import { GuideFileError } from '../../server/src/guide/guide-file-error';
import { count } from './support/fixtures';
import {
  bytes,
  jsonFile,
  SERVICE_A,
  SERVICE_B,
  SERVICES_CSV,
  STRUCTURE_A,
  STRUCTURES_CSV,
  WITH_BAD_ROWS,
} from './support/guide-files';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const maxSeq = async (server: ReturnType<ReturnType<typeof useTestServer>>) =>
  (
    await server.db.query<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM sync_changes')
  )[0]!.n;

describe.each(testDatabases())('guide import on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  const now = () => server().clock.now;

  it('imports a good JSON file and logs each record as a global change', async () => {
    const report = await importGuide(
      server().db,
      jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_A, SERVICE_B] }),
      now(),
    );
    expect(report).toMatchObject({
      format: 'json',
      structures: { accepted: 1, updated: 0, unchanged: 0, refused: 0 },
      services: { accepted: 2, updated: 0, unchanged: 0, refused: 0 },
      refusals: [],
    });
    const changes = await server().db.query<{ entity: string; site_id: string | null }>(
      "SELECT entity, site_id FROM sync_changes WHERE entity IN ('structure', 'service')",
    );
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.site_id === null)).toBe(true);
  });

  it('changes nothing on a re-import of the same file: all unchanged, no new change sequence', async () => {
    const before = await maxSeq(server());
    const report = await importGuide(
      server().db,
      jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_B, SERVICE_A] }),
      now(),
    );
    expect(report.structures).toEqual({ accepted: 0, updated: 0, unchanged: 1, refused: 0 });
    expect(report.services).toEqual({ accepted: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(await maxSeq(server())).toBe(before);
  });

  it('updates a changed record with a new version, and reads a mixed array as structures and services', async () => {
    const before = await maxSeq(server());
    const report = await importGuide(
      server().db,
      jsonFile([STRUCTURE_A, { ...SERVICE_A, telephone: '02 61 91 00 09' }]),
      now(),
    );
    expect(report.services).toEqual({ accepted: 0, updated: 1, unchanged: 0, refused: 0 });
    const rows = await server().db.query<{ version: number; payload: { telephone: string } }>(
      "SELECT version::int AS version, payload FROM guide_services WHERE id = 'test--svc-1'",
    );
    expect(rows[0]!.payload.telephone).toBe('02 61 91 00 09');
    expect(rows[0]!.version).toBe(before + 1);
  });

  it('refuses bad rows one by one, each with its line and reason, and takes the good ones', async () => {
    const report = await importGuide(server().db, bytes(WITH_BAD_ROWS), now());
    expect(report.services).toEqual({ accepted: 1, updated: 1, unchanged: 0, refused: 3 });
    expect(report.refusals.map((r) => [r.line, r.id])).toEqual([
      [7, 'test--svc-2'],
      [8, 'test--svc-3'],
      [9, 'test--svc-4'],
    ]);
    expect(report.refusals[0]!.reason).toMatch(/thematiques/);
    expect(report.refusals[1]!.reason).toBe('Structure inconnue : « test--absente ».');
    expect(report.refusals[2]!.reason).toMatch(/^date_maj : /);
  });

  it('imports CSV files (semicolons and French decimals, then commas), refusing a bad row by its line', async () => {
    const structures = await importGuide(server().db, bytes(STRUCTURES_CSV), now());
    expect(structures).toMatchObject({ format: 'csv', structures: { accepted: 2, refused: 0 } });
    const services = await importGuide(server().db, bytes(SERVICES_CSV), now());
    expect(services.services).toEqual({ accepted: 2, updated: 0, unchanged: 0, refused: 1 });
    expect(services.refusals).toEqual([
      { line: 4, kind: 'service', id: 'test--csv-3', reason: expect.stringMatching(/^nom : /) },
    ]);
    const row = await server().db.query<{ payload: { thematiques: string[]; latitude?: number } }>(
      "SELECT payload FROM guide_services WHERE id = 'test--csv-2'",
    );
    expect(row[0]!.payload.thematiques).toEqual([
      'equipement-et-alimentation--alimentation',
      'famille--soutien-aidants',
    ]);
    const again = await importGuide(server().db, bytes(STRUCTURES_CSV), now());
    expect(again.structures).toEqual({ accepted: 0, updated: 0, unchanged: 2, refused: 0 });
  });

  it.each([
    [
      'garbage bytes',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01]),
      'guide_unreadable',
    ],
    [
      'a JSON object of something else',
      jsonFile({ patients: [{ nom: 'x' }] }),
      'guide_not_data_inclusion',
    ],
    ['an array of numbers', jsonFile([1, 2, 3]), 'guide_not_data_inclusion'],
    ['truncated JSON', bytes('{"structures": [{"id": '), 'guide_not_data_inclusion'],
    [
      'a CSV with other columns',
      bytes('nom,prenom,age\nMartin,Jeanne,80\n'),
      'guide_not_data_inclusion',
    ],
    ['an empty file', bytes('  \n'), 'guide_not_data_inclusion'],
  ])('refuses %s whole, with a stable code, and changes nothing', async (_name, file, code) => {
    const before = [await maxSeq(server()), await count(server().db, 'guide_services')];
    const error = await importGuide(server().db, file, now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideFileError);
    expect((error as GuideFileError).code).toBe(code);
    expect([await maxSeq(server()), await count(server().db, 'guide_services')]).toEqual(before);
  });
});
