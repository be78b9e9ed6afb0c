import { describe, expect, it } from 'vitest';
import { buildFalcSheet } from './falc-sheet';
import type { Service, Structure } from './schemas';

const structure: Structure = {
  id: 's1',
  source: 'test',
  nom: 'CCAS de Mer',
  date_maj: '2026-01-15',
  adresse: '1 place de la Mairie',
  code_postal: '41500',
  commune: 'Mer',
  telephone: '02 61 91 00 01',
};
const service: Service = {
  id: 'v1',
  source: 'test',
  structure_id: 's1',
  nom: 'Aide aux démarches',
  date_maj: '2026-01-15',
  description: 'Un agent vous aide. Il explique les courriers.',
  frais: 'gratuit',
  thematiques: [
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    'sante--acces-aux-soins',
  ],
  publics: ['seniors', 'familles'],
  modes_mobilisation: ['telephoner'],
};

describe('the easy-to-read sheet of a service', () => {
  it('says what it is in short sentences, one a line', () => {
    expect(buildFalcSheet(service, structure).what.slice(0, 2)).toEqual([
      'Un agent vous aide.',
      'Il explique les courriers.',
    ]);
  });

  it('says who it is for, what it costs, what to bring and how to get there', () => {
    const sheet = buildFalcSheet(service, structure);
    expect(sheet.forWhom[0]).toBe('Pour : séniors, familles.');
    expect(sheet.cost).toEqual(['C’est gratuit.']);
    expect(sheet.bring).toEqual([
      'Votre pièce d’identité.',
      'Les courriers que vous avez reçus.',
      'Votre carte Vitale.',
      'Votre attestation de mutuelle, si vous en avez une.',
    ]);
    expect(sheet.goThere).toEqual([
      'Adresse : 1 place de la Mairie, 41500 Mer.',
      'Appelez avant de venir pour prendre rendez-vous.',
    ]);
  });

  it('takes the phone of the structure when the service has none', () => {
    expect(buildFalcSheet(service, structure).contact).toEqual({ phone: '02 61 91 00 01' });
    expect(buildFalcSheet({ ...service, telephone: '115' }, structure).contact.phone).toBe('115');
  });
});
