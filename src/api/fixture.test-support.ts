import { openStore, quoteIdentifier, type Store } from '../warehouse/index.js';
import { createApiKey } from './api-keys.js';
import type { NewUser } from './users.js';
import { createUser } from './users.js';

/**
 * A small store for API tests: two members with one work each, a partner society with a mandate,
 * two services with one report, invoice and claim each, one distribution with statements.
 */
export interface ApiFixture {
  readonly store: Store;
  readonly now: () => Date;
  readonly tokens: Record<'admin' | 'operator' | 'member1' | 'member2' | 'partner' | 'serviceA' | 'serviceB' | 'expired' | 'revoked', string>;
}

export const FIXTURE_NOW = new Date('2025-03-01T12:00:00Z');

const DATA = `
INSERT INTO parties (party_id, kind, name, first_name, ipi_name_number, is_member) VALUES
  ('IPI:00000000199', 'writer', 'Dupont', 'Marie', '00000000199', true),
  ('IPI:00000000297', 'writer', 'Martin', 'Paul', '00000000297', true),
  ('SOC:052', 'society', 'PRS', NULL, NULL, false);
INSERT INTO works (work_id, title, iswc, version) VALUES ('W1', 'La Mer Bleue', 'T0000000010', 1), ('W2', 'Night Train', NULL, 1), ('W3', 'London Rain', NULL, 1);
INSERT INTO work_titles (work_id, title, title_type, language) VALUES ('W1', 'La Mer Bleue', 'OT', 'FR'), ('W1', 'The Blue Sea', 'AT', 'EN'), ('W2', 'Night Train', 'OT', NULL), ('W3', 'London Rain', 'OT', NULL);
INSERT INTO work_iswcs (work_id, iswc, preferred) VALUES ('W1', 'T0000000010', true);
INSERT INTO work_shares (work_id, party_id, role, right_type, territories, ownership_share, collection_share, controlled, society) VALUES
  ('W1', 'IPI:00000000199', 'CA', 'performing', '+2136', 10000, 10000, true, '058'),
  ('W2', 'IPI:00000000297', 'CA', 'performing', '+2136', 10000, 10000, true, '058'),
  ('W3', 'SOC:052', 'E', 'performing', '+2136', 10000, 10000, false, '052');
INSERT INTO recordings (isrc, work_id, title, version_title, display_artist, duration_s, source) VALUES ('FRAAA2400001', 'W1', 'La Mer Bleue', NULL, 'Marie D', 200, 'cwr');
INSERT INTO isrc_work_links (isrc, work_id, iswc, source, source_ref, confidence, first_seen, last_seen, conflict) VALUES ('FRAAA2400001', 'W1', 'T0000000010', 'cwr', 'f1', 100, '2025-01-01', '2025-01-01', false);
INSERT INTO mandates (mandate_id, mandator_party_id, mandator_name, right_types, territories, services, commercial_models, valid_from, valid_to, commission_bp) VALUES ('M1', 'SOC:052', 'PRS', ['performing'], '+2136', NULL, NULL, '2024-01-01', NULL, 500);
INSERT INTO reports (report_id, message_id, sender, service, territory, period_start, period_end, profile, profile_version, parts_expected, parts_received, status, run_id) VALUES
  ('SVCA-1', '1', 'SVC-A', 'StreamA', 'FR', '2025-01-01', '2025-01-31', 'BasicAudio', '1.2', 1, 1, 'complete', 'run-1'),
  ('SVCB-1', '1', 'SVC-B', 'StreamB', 'FR', '2025-01-01', '2025-01-31', 'BasicAudio', '1.2', 1, 1, 'complete', 'run-1');
INSERT INTO matches (report_id, block_id, resource_ref, dsp_resource_id, isrc, title, artists, work_id, method, score, status, evidence, code_version, run_id) VALUES ('SVCA-1', 'B1', 'R1', 'd1', 'FRAAA2400001', 'La Mer Bleue', 'Marie D', 'W1', 'isrc', 1000, 'accepted', NULL, '0.1.0', 'run-2'),
  ('SVCA-1', 'B2', 'R2', 'd2', NULL, 'Nite Train', 'X', 'W2', 'metadata', 700, 'review', '{"title":0.8}', '0.1.0', 'run-2');
`;

type Row = Record<string, string | number | bigint | null>;

/** Rows of the claims and distribution stages, by their contract columns. */
const STAGE_ROWS: Record<string, Row[]> = {
  invoices: [
    { invoice_id: 'INV-A', report_id: 'SVCA-1', licensor: 'society', rights_controller: 'SACEM', currency: 'EUR', amount: 1125000000n, performing: 1125000000n, status: 'issued' },
    { invoice_id: 'INV-B', report_id: 'SVCB-1', licensor: 'society', rights_controller: 'SACEM', currency: 'EUR', amount: 99000000000000000000n, performing: 99000000000000000000n, status: 'issued' },
  ],
  claim_lines: [
    { claim_id: 'C1', invoice_id: 'INV-A', report_id: 'SVCA-1', work_id: 'W1', right_type: 'performing', licensor: 'society', mandate_id: null, service: 'StreamA', territory: 'FR', period_start: '2025-01-01', period_end: '2025-01-31', usages: 10n, share_claimed: 10000, claimed_amount: 1125000000n },
    { claim_id: 'C2', invoice_id: 'INV-B', report_id: 'SVCB-1', work_id: 'W3', right_type: 'performing', licensor: 'M1', mandate_id: 'M1', service: 'StreamB', territory: 'FR', period_start: '2025-01-01', period_end: '2025-01-31', usages: 5n, share_claimed: 10000, claimed_amount: 500000n },
  ],
  distributions: [
    { distribution_id: 'D1', period: '2025Q1', status: 'issued', collected: 3000000n, paid: 2565000n, remitted: 285000n, commission: 150000n, deductions: 0n, held: 0n, created_at: '2025-02-01 00:00:00', distribution_date: '2025-02-15' },
  ],
  statement_lines: [
    { distribution_id: 'D1', party_id: 'IPI:00000000199', party_name: 'Dupont', work_id: 'W1', work_title: 'La Mer Bleue', role: 'CA', share: 10000, right_type: 'performing', service: 'StreamA', territory: 'FR', usages: 10n, gross: 2000000n, commission: 100000n, deductions: 0n, net: 1900000n, line_kind: 'normal', payee_kind: 'member', payee: 'IPI:00000000199' },
    { distribution_id: 'D1', party_id: 'IPI:00000000297', party_name: 'Martin', work_id: 'W2', work_title: 'Night Train', role: 'CA', share: 10000, right_type: 'performing', service: 'StreamA', territory: 'FR', usages: 5n, gross: 700000n, commission: 35000n, deductions: 0n, net: 665000n, line_kind: 'normal', payee_kind: 'member', payee: 'IPI:00000000297' },
    { distribution_id: 'D1', party_id: 'SOC:052', party_name: 'PRS', work_id: 'W3', work_title: 'London Rain', role: 'E', share: 10000, right_type: 'performing', service: 'StreamB', territory: 'FR', usages: 5n, gross: 300000n, commission: 15000n, deductions: 0n, net: 285000n, line_kind: 'normal', payee_kind: 'mandator', payee: 'SOC:052' },
  ],
  review_items: [
    { review_id: 'rev-1', resource_key: 'k1', memory_key: 'm1', report_id: 'SVCA-1', dsp_resource_id: 'd2', title: 'Nite Train', artists: 'X', proposed_work_id: 'W2', method: 'metadata', score: 700, reason: 'score', status: 'open', run_id: 'run-2', created_at: '2025-02-01 00:00:00' },
  ],
  remittances: [{ distribution_id: 'D1', payee_kind: 'mandator', payee: 'SOC:052', amount: 285000n, lines: 1n }],
};

/**
 * Inserts rows naming their columns, and gives every other NOT NULL column without a default a
 * neutral value of its type: the stage tables are still growing, and these tests are about
 * who may see a row, not about those columns.
 */
async function insertRows(store: Store, table: string, rows: Row[]): Promise<void> {
  const required = await store.all<{ column_name: string; data_type: string }>({
    text: `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
    values: [table],
  });
  for (const given of rows) {
    const row: Row = { ...given };
    for (const c of required) {
      if (c.column_name in row) continue;
      const t = c.data_type.toUpperCase();
      row[c.column_name] = /INT|DECIMAL/.test(t) ? 0n : t === 'DATE' ? '2025-01-01' : t.startsWith('TIMESTAMP') ? '2025-01-01 00:00:00' : t === 'BOOLEAN' ? 0 : `${c.column_name}-1`;
    }
    const columns = Object.keys(row);
    const types = new Map((await store.all<{ column_name: string; data_type: string }>({ text: 'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1', values: [table] })).map((c) => [c.column_name, c.data_type]));
    await store.run({
      text: `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map((c, i) => `CAST($${i + 1} AS ${types.get(c) ?? 'VARCHAR'})`).join(', ')})`,
      values: columns.map((c) => row[c] ?? null),
    });
  }
}

export async function createApiFixture(): Promise<ApiFixture> {
  const store = await openStore(':memory:', { threads: 1 });
  const now = () => FIXTURE_NOW;
  await store.run(DATA);
  for (const [table, rows] of Object.entries(STAGE_ROWS)) await insertRows(store, table, rows);
  const users: Record<keyof ApiFixture['tokens'], NewUser> = {
    admin: { name: 'ada', role: 'admin' },
    operator: { name: 'otto', role: 'operator' },
    member1: { name: 'marie', role: 'member', partyId: 'IPI:00000000199' },
    member2: { name: 'paul', role: 'member', partyId: 'IPI:00000000297' },
    partner: { name: 'prs', role: 'partner', society: 'SOC:052' },
    serviceA: { name: 'svc-a', role: 'service', service: 'SVC-A' },
    serviceB: { name: 'svc-b', role: 'service', service: 'SVC-B' },
    expired: { name: 'old', role: 'operator' },
    revoked: { name: 'gone', role: 'operator' },
  };
  const tokens = {} as Record<keyof ApiFixture['tokens'], string>;
  for (const [label, user] of Object.entries(users) as [keyof ApiFixture['tokens'], NewUser][]) {
    const created = await createUser(store, user, now);
    const expiresAt = label === 'expired' ? new Date(FIXTURE_NOW.getTime() - 1000) : null;
    tokens[label] = (await createApiKey(store, { userId: created.userId, expiresAt }, now)).token;
    if (label === 'revoked') await store.run(`UPDATE api_keys SET revoked_at = TIMESTAMP '2025-02-01' WHERE user_id = '${created.userId}'`);
  }
  return { store, now, tokens };
}
