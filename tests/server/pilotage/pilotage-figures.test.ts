import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinForms } from '../../../server/src/forms/seed-builtin-forms';
import { BLOIS, errorOf, newSession, VENDOME } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { fetchReport, figures, seedPilotageDataset } from './pilotage-dataset';

const FIRST_HALF_2026 = 'from=2026-01-01&to=2026-06-30';

/** A table as `{ row label: [value, previous, value, previous…] }`, null where masked. */
describe.each(testDatabases())('pilotage figures on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  let cadre: string;
  let admin: string;

  const report = (query: string, token = cadre) => fetchReport(server(), query, token);

  beforeAll(async () => {
    // "Late" tasks are measured on the server's day: 1 July 2026 here.
    server().clock.now = new Date('2026-07-01T08:00:00Z');
    await seedBuiltinForms(server().db, server().clock.now);
    await seedPilotageDataset(server());
    cadre = (await newSession(server(), [BLOIS], 'cadre')).token;
    admin = (await newSession(server(), [BLOIS], 'administrateur')).token;
  });

  it('counts visits by month in Paris time, the previous period month by month', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(r.previousPeriod).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(r.scope).toEqual({ label: 'Maison des Solidarités de Blois', siteIds: [BLOIS] });
    // March (3 persons) is masked; the visits of the period, 34, are the sum of the professions,
    // so the smallest other month, February (6, before May's 6 by its key), is masked too.
    expect(figures(r, 'visitsByMonth')).toEqual({
      'janv. 2026': [11, 0],
      'févr. 2026': [null, 0],
      'mars 2026': [null, 0],
      'avr. 2026': [8, 0],
      'mai 2026': [6, 5],
      'juin 2026': [0, 0],
    });
  });

  it('counts visits by profession, form and place, a correction once', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'visitsByProfession')).toEqual({
      Puéricultrice: [10, 0],
      'Conseillère autonomie': [8, 0],
      'Conseiller numérique': [6, 0],
      'Travailleur social': [10, 5],
    });
    // Masked: the 3 "visite sociale", so the smallest other form (CRA, 6); the 2 AGGIR in an
    // establishment, so the MDS (8). The professions add up to 34 and hide nothing.
    expect(figures(r, 'visitsByForm')).toEqual({
      'Évaluation AGGIR': [8, 0],
      'Compte rendu d’activité': [null, 0],
      'Visite à domicile PMI': [10, 0],
      'visite-domicile': [7, 5],
      'Visite sociale': [null, 0],
    });
    expect(figures(r, 'visitsByPlace')).toEqual({
      'À domicile': [24, 5],
      'À la MDS ou au lieu d’accueil': [null, 0],
      'Ailleurs (établissement, à distance…)': [null, 0],
      'Lieu non précisé': [0, 0],
    });
  });

  it('gives the GIR distribution, the kept GIR before the computed one', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'girDistribution')).toEqual({
      'GIR 1': [0, 0, 0, null],
      'GIR 2': [null, 0, null, null],
      'GIR 3': [null, 0, null, null],
      'GIR 4': [5, 0, 62.5, null],
      'GIR 5': [0, 0, 0, null],
      'GIR 6': [0, 0, 0, null],
    });
  });

  it('gives the share of EPDS above the threshold', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'epds')).toEqual({
      'Maison des Solidarités de Blois': [10, 0, 5, 0, 50, null],
      Ensemble: [10, 0, 5, 0, 50, null],
    });
  });

  it('gives the digital-help themes and durations', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'digitalThemes')).toEqual({
      'E-mail': [6, 0, 47.5, null],
      Santé: [5, 0, 39, null],
    });
    expect(r.tables.digitalThemes.rows.map((row) => row.label)).toEqual(['E-mail', 'Santé']);
    expect(figures(r, 'digitalDurations')).toEqual({
      '15 min ou moins': [0, 0, 0, 0, null, null],
      '16 à 30 min': [null, 0, null, 0, null, null],
      '31 min à 1 h': [null, 0, null, 0, null, null],
      '1 h à 2 h': [null, 0, null, 0, null, null],
      'Plus de 2 h': [0, 0, 0, 0, null, null],
      // Every CRA has a duration: this total is the CRA visits of the forms' table, masked
      // there (see above), so it is masked here too, with its hours and mean.
      Ensemble: [null, 0, null, 0, null, null],
    });
  });

  it('gives the answers to "Mon avis", masked below 5', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'avis')).toEqual({
      'Vous avez été bien accueilli ?': [6, null, 0, 0, 0, 0, 100, null],
      'Vous avez compris ce que le professionnel vous a dit ?': [
        null,
        0,
        null,
        0,
        0,
        0,
        null,
        null,
      ],
      // One "non" is masked; the share of "oui" gives the 6 answers, so "oui" is masked too.
      'Ce rendez-vous vous a aidé ?': [null, 0, 0, 0, null, 0, null, null],
      'Vous savez ce qui va se passer ensuite ?': [0, 0, 0, 0, 0, 0, null, null],
    });
  });

  it('counts the persons followed and those seen in a visit', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'personsFollowed')).toEqual({
      'Maison des Solidarités de Blois': [7, 7, null, 0],
      Ensemble: [7, 7, null, 0],
    });
  });

  it('gives referrals by destination with the median delays between statuses', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(r, 'referrals')).toEqual({
      'Un professionnel': [0, 0, 0, 0, null, null, null, null, null, null],
      'Une autre MDS': [null, 0, 0, 0, null, null, null, null, null, null],
      // The one referral to another MDS is masked, so is the partner's 5 (Ensemble − 5 = 1).
      'Un partenaire': [null, 0, 0, 0, 3, null, 2, null, null, null],
      Ensemble: [6, 0, 0, 0, 3.5, null, 2, null, null, null],
    });
  });

  it('counts late tasks on the server day', async () => {
    const half = await report(`${FIRST_HALF_2026}&siteId=${BLOIS}`);
    expect(figures(half, 'lateTasks')).toEqual({
      'Maison des Solidarités de Blois': [6, 0, 5, 0, 83.3, null],
      Ensemble: [6, 0, 5, 0, 83.3, null],
    });
    // P7's task, due 1 August, is not late on 1 July.
    const year = await report(`from=2026-01-01&to=2026-12-31&siteId=${BLOIS}`);
    expect(figures(year, 'lateTasks').Ensemble).toEqual([7, 0, 5, 0, 71.4, null]);
  });

  it('masks visits of fewer than 5 persons even when they are many', async () => {
    const r = await report(`${FIRST_HALF_2026}&siteId=mds-41-41025`);
    expect(figures(r, 'visitsByForm')).toEqual({ 'visite-domicile': [null, 0] });
    expect(figures(r, 'visitsByMonth')['juin 2026']).toEqual([null, 0]);
  });

  it('compares with the previous period: a calendar year with the year before', async () => {
    const year = await report(`from=2026-01-01&to=2026-12-31&siteId=${BLOIS}`);
    expect(year.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(figures(year, 'visitsByProfession')['Travailleur social']).toEqual([10, 5]);
    const late2025 = await report(`from=2025-07-01&to=2025-12-31&siteId=${BLOIS}`);
    expect(late2025.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    // The visit of 31 December 23:30 UTC is on 1 January in Paris: not in 2025.
    expect(figures(late2025, 'visitsByForm')).toEqual({ 'visite-domicile': [5, 0] });
  });

  it('shows a cadre the MDS of their territory, Centre for Blois, and no names', async () => {
    const r = await report(FIRST_HALF_2026);
    expect(r.scope.label).toBe('Mon périmètre (Centre)');
    expect(r.choices.territories).toEqual(['centre']);
    expect(figures(r, 'visitsBySite')).toEqual({
      'Maison des Solidarités de Blois': [34, 5],
      'Maison des Solidarités de Bracieux': [null, 0],
      'Maison des Solidarités de Mer': [null, 0],
      'Maison des Solidarités de Veuzain-sur-Loire': [0, 0],
    });
    expect(JSON.stringify(r)).not.toContain('Yvonne');
  });

  it('lets an administrator choose any territory', async () => {
    const all = await report(FIRST_HALF_2026, admin);
    expect(all.scope.label).toBe('Tout le département');
    expect(all.choices.sites).toHaveLength(12);
    expect(all.choices.territories).toEqual(['nord', 'centre', 'sud']);
    const nord = await report(`${FIRST_HALF_2026}&territory=nord`, admin);
    expect(nord.scope.label).toBe('Territoire Nord');
    expect(figures(nord, 'visitsBySite')).toEqual({
      'Maison des Solidarités de Fréteval': [0, 0],
      'Maison des Solidarités de Mondoubleau': [0, 0],
      'Maison des Solidarités de Vendôme': [null, 0],
    });
  });

  it('refuses a cadre outside their territory, field agents, and bad periods', async () => {
    const get = (query: string, token: string) =>
      Promise.resolve(
        server().app.request(`/api/v1/pilotage?${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    const outside = await get(`${FIRST_HALF_2026}&siteId=${VENDOME}`, cadre);
    expect(outside.status).toBe(403);
    expect((await errorOf(outside)).code).toBe('forbidden');
    expect((await get(`${FIRST_HALF_2026}&territory=nord`, cadre)).status).toBe(403);
    const agent = await newSession(server(), [BLOIS], 'travailleur_social');
    expect((await get(FIRST_HALF_2026, agent.token)).status).toBe(403);
    const reversed = await get('from=2026-06-30&to=2026-01-01', cadre);
    expect(reversed.status).toBe(400);
    expect(await errorOf(reversed)).toMatchObject({
      code: 'invalid_query',
      details: [{ path: 'to', message: 'La date de fin précède la date de début.' }],
    });
    expect((await get('from=hier', cadre)).status).toBe(400);
    expect((await server().app.request(`/api/v1/pilotage?${FIRST_HALF_2026}`)).status).toBe(401);
  });
});
