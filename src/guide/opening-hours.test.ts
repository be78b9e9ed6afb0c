import { describe, expect, it } from 'vitest';
import { describeWeek, hoursStatus } from './opening-hours';

/** Dates in the device's local time, as the library reads them; never the real clock. */
const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const OFFICE = 'Mo-Fr 09:00-12:00,13:30-17:00; PH off';

describe('opening hours on the device', () => {
  it('says open now and when it closes', () => {
    expect(hoursStatus(OFFICE, at(2026, 11, 18, 10)).label).toBe(
      'Ouvert maintenant · ferme à 12 h',
    );
    expect(hoursStatus(OFFICE, at(2026, 11, 18, 14)).label).toBe(
      'Ouvert maintenant · ferme à 17 h',
    );
  });

  it('warns when it closes soon', () => {
    const status = hoursStatus(OFFICE, at(2026, 11, 18, 16, 40));
    expect(status).toMatchObject({
      state: 'open',
      closingSoon: true,
      label: 'Ouvert maintenant · ferme bientôt, à 17 h',
    });
  });

  it('gives the next opening the same day, over the lunch break', () => {
    expect(hoursStatus(OFFICE, at(2026, 11, 18, 12, 30)).label).toBe('Fermé · ouvre à 13 h 30');
  });

  it('gives the next opening across a weekend: Friday evening opens Monday at 9 h', () => {
    const status = hoursStatus(OFFICE, at(2026, 11, 20, 18));
    expect(status).toMatchObject({ state: 'closed', label: 'Fermé · ouvre lundi à 9 h' });
    if (status.state === 'closed') expect(status.opensAt).toEqual(at(2026, 11, 23, 9));
  });

  it('is closed on a French public holiday where the data says PH off, and open where it does not', () => {
    const bastilleDay = at(2026, 7, 14, 10); // a Tuesday
    expect(hoursStatus(OFFICE, bastilleDay)).toMatchObject({
      state: 'closed',
      holiday: true,
      label: 'Fermé (jour férié) · ouvre demain à 9 h',
    });
    expect(hoursStatus('Mo-Fr 09:00-12:00,13:30-17:00', bastilleDay).state).toBe('open');
    // Ascension Thursday 2026 (14 May): closed, and opens Friday.
    expect(hoursStatus(OFFICE, at(2026, 5, 14, 10)).label).toBe(
      'Fermé (jour férié) · ouvre demain à 9 h',
    );
  });

  it('describes the week in plain French, a holiday that week shown closed', () => {
    expect(describeWeek(OFFICE, at(2026, 7, 15, 8))).toEqual([
      'Lundi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Mardi : fermé',
      'Mercredi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Jeudi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Vendredi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Samedi : fermé',
      'Dimanche : fermé',
    ]);
  });

  it('says so when there are no hours, or hours it cannot read', () => {
    expect(hoursStatus(undefined, at(2026, 11, 18, 10)).label).toBe('Horaires non précisés');
    expect(hoursStatus('sur rendez-vous', at(2026, 11, 18, 10)).label).toBe('Horaires à vérifier');
    expect(hoursStatus('Mo-Fr 09:00-', at(2026, 11, 18, 10)).label).toBe('Horaires à vérifier');
  });
});
