import { describe, expect, it } from 'vitest';
import { ipiNameNumberFromNumber, type MandateSpec } from '../../domain/index.js';
import { openStore } from '../../warehouse/index.js';
import { importMandates, parseMandatesJson } from './import-mandates.js';
import { markSocietyMembers } from './mark-members.js';

const now = () => new Date('2024-04-01T00:00:00Z');
const mandate: MandateSpec = {
  mandateId: 'M-IMPEL',
  mandatorIpi: ipiNameNumberFromNumber(123456),
  mandatorName: 'INDIE CATALOGUE LTD',
  rightTypes: ['mechanical'],
  territories: [{ include: true, tis: '2123' }],
  services: ['Spotify', 'Deezer'],
  validFrom: '2024-01-01',
  commissionBp: 1000,
};

describe('importMandates', () => {
  it('stores the scope as a territory expression and the mandator as a party, idempotently', async () => {
    const store = await openStore(':memory:');
    await importMandates(store, [mandate], { codeVersion: 't', now });
    await importMandates(store, [mandate], { codeVersion: 't', now });
    const rows = await store.all<{
      territories: string;
      right_types: string[];
      services: string[];
      valid_to: null;
    }>('SELECT territories, right_types, services, valid_to FROM mandates');
    expect(rows).toEqual([
      { territories: '+2123', right_types: ['mechanical'], services: ['Spotify', 'Deezer'], valid_to: null },
    ]);
    expect((await store.all('SELECT party_id FROM parties')).length).toBe(1);
    store.close();
  });

  it('refuses a mandate with an impossible commission, naming the field', async () => {
    const store = await openStore(':memory:');
    await expect(
      importMandates(store, [{ ...mandate, commissionBp: 12000 }], { codeVersion: 't', now }),
    ).rejects.toThrow(/mandate M-IMPEL: commissionBp/);
    store.close();
  });

  it('reads a mandates file in either shape and says what it expected', () => {
    expect(parseMandatesJson(JSON.stringify({ mandates: [mandate] }), 'm.json')).toHaveLength(1);
    expect(parseMandatesJson(JSON.stringify([mandate]), 'm.json')).toHaveLength(1);
    expect(() => parseMandatesJson('{"x":1}', 'm.json')).toThrow(/expected \{"mandates"/);
  });
});

describe('markSocietyMembers', () => {
  it('marks parties affiliated to the society, with or without zero padding', async () => {
    const store = await openStore(':memory:');
    await store.run(`INSERT INTO parties (party_id, kind, name, pr_society, mr_society) VALUES
      ('a','writer','A','058',NULL), ('b','writer','B','52',NULL), ('c','writer','C',NULL,'58')`);
    expect(await markSocietyMembers(store, '058')).toBe(2);
    store.close();
  });
});
