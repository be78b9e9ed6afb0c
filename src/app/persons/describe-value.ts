import { communeByCode } from '../../../shared/communes';
import {
  type Consent,
  consentWayLabels,
  type PersonFieldName,
} from '../../../shared/persons/person-fields';
import { formatDate } from '../format';

/** A field's value in words, for the file and the conflict choices. */
export function describeValue(name: PersonFieldName, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'non renseigné';
  if (name === 'birthDate' && typeof value === 'string') return formatDate(value);
  if (name === 'communeInsee' && typeof value === 'string')
    return communeByCode(value)?.nom ?? value;
  if (name === 'consent' && typeof value === 'object') {
    const consent = value as Consent;
    const on = consent.on ? ` le ${formatDate(consent.on)}` : '';
    const how = consent.how ? ` ${consentWayLabels[consent.how].toLowerCase()}` : '';
    return consent.given ? `donné${how}${on}` : `refusé${how}${on}`;
  }
  return String(value);
}
