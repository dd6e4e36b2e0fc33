import type { Store } from '../../src/warehouse/index.js';

/**
 * A small quarter for the browser tests, by SQL on the stage tables' contract columns: two member
 * writers with a work each, two reports (one complete, one waiting for parts), one accepted and one
 * review match (with its review item), a quarantined line, claims and invoices (one with an overclaim held), and one conserved distribution
 * with a statement for each member.
 */
export const PORTAL_DATA = `
INSERT INTO parties (party_id, kind, name, first_name, ipi_name_number, is_member) VALUES
  ('IPI:00000000199', 'writer', 'Dupont', 'Marie', '00000000199', true),
  ('IPI:00000000297', 'writer', 'Martin', 'Paul', '00000000297', true);
INSERT INTO works (work_id, title, iswc, submitter, version, registered_at) VALUES
  ('W1', 'La Mer Bleue', 'T0000000010', 'EDITIONS AZUR', 1, '2024-05-02'),
  ('W2', 'Night Train', NULL, 'NOCTURNE MUSIC', 1, '2024-06-10');
INSERT INTO work_titles (work_id, title, title_type, language) VALUES
  ('W1', 'La Mer Bleue', 'OT', 'FR'), ('W1', 'The Blue Sea', 'AT', 'EN'), ('W2', 'Night Train', 'OT', 'EN');
INSERT INTO work_iswcs (work_id, iswc, preferred) VALUES ('W1', 'T0000000010', true), ('W1', 'T0000000021', false);
INSERT INTO work_shares (work_id, party_id, role, right_type, territories, ownership_share, collection_share, controlled, society) VALUES
  ('W1', 'IPI:00000000199', 'CA', 'performing', '+2136', 10000, 10000, true, '058'),
  ('W2', 'IPI:00000000297', 'CA', 'performing', '+2136', 10000, 10000, true, '058');
INSERT INTO work_performers (work_id, name) VALUES ('W1', 'Marie D'), ('W2', 'The Sleepers');
INSERT INTO recordings (isrc, work_id, title, display_artist, duration_s, source) VALUES
  ('FRAAA2400001', 'W1', 'La Mer Bleue', 'Marie D', 200, 'cwr'),
  ('GBBBB2400002', 'W2', 'Night Train', 'The Sleepers', 185, 'cwr');
INSERT INTO reports (report_id, message_id, sender, sender_name, service, territory, period_start, period_end, profile, profile_version, parts_expected, parts_received, status, run_id) VALUES
  ('SVCA-1', '1', 'SVC-A', 'StreamA Ltd', 'StreamA Premium', 'FR', '2025-01-01', '2025-01-31', 'BasicAudio', '1.2', 1, 1, 'complete', 'run-1'),
  ('SVCB-1', '1', 'SVC-B', 'StreamB SA', 'StreamB Free', 'BE', '2025-02-01', '2025-02-28', 'BasicAudio', '1.2', 2, 1, 'waiting-parts', 'run-1');
INSERT INTO matches (report_id, block_id, resource_ref, dsp_resource_id, isrc, title, artists, work_id, method, score, status, evidence, code_version, run_id) VALUES
  ('SVCA-1', 'B1', 'R1', 'd1', 'FRAAA2400001', 'La Mer Bleue', 'Marie D', 'W1', 'isrc', 1000, 'accepted', NULL, '0.1.0', 'run-2'),
  ('SVCA-1', 'B2', 'R2', 'd2', NULL, 'Nite Train (Live)', 'Sleepers', 'W2', 'metadata', 780, 'review', '{"title": 0.86, "performer": 0.7, "duration": "185 s vs 190 s"}', '0.1.0', 'run-2');
INSERT INTO review_items (review_id, resource_key, memory_key, report_id, dsp_resource_id, isrc, title, artists, proposed_work_id, method, score, reason, evidence, status, run_id, created_at) VALUES
  ('rev-1', 'SVCA-1/B2/R2', 'SVC-A:d2', 'SVCA-1', 'd2', NULL, 'Nite Train (Live)', 'Sleepers', 'W2', 'metadata', 780, 'score', '{"title": 0.86, "performer": 0.7, "duration": "185 s vs 190 s"}', 'open', 'run-2', '2025-04-01 10:00:00');
INSERT INTO quarantine (file_id, path, line_no, record_type, code, reason, raw, run_id) VALUES
  ('f-svcb', 'in/SVCB-1_1of2.tsv', 17, 'RU01', 'DSR_BAD_NUMBER', 'Usages is not a whole number: "12,5"', 'RU01\tR9\t12,5', 'run-1');
INSERT INTO invoices (invoice_id, report_id, licensor, rights_controller, currency, amount, performing, mechanical, held_overclaim, claim_file, status, run_id) VALUES
  ('INV-A', 'SVCA-1', 'society', 'SACEM', 'EUR', 3000000000, 3000000000, 0, 0, 'CDM-A.tsv', 'issued', 'run-3'),
  ('INV-B', 'SVCB-1', 'society', 'SACEM', 'EUR', 1000000000, 1000000000, 0, 250000000, 'CDM-B.tsv', 'issued', 'run-3');
INSERT INTO claim_lines (claim_id, invoice_id, report_id, summary_id, block_id, resource_ref, dsp_resource_id, work_id, right_type, licensor, mandate_id, service, commercial_model, territory, period_start, period_end, usages, work_value, share_claimed, claimed_amount, held_overclaim, run_id) VALUES
  ('C1', 'INV-A', 'SVCA-1', 'S1', 'B1', 'R1', 'd1', 'W1', 'performing', 'society', NULL, 'StreamA Premium', 'SubscriptionModel', 'FR', '2025-01-01', '2025-01-31', 1200, 2000000000, 10000, 2000000000, 0, 'run-3'),
  ('C2', 'INV-A', 'SVCA-1', 'S1', 'B2', 'R2', 'd2', 'W2', 'performing', 'society', NULL, 'StreamA Premium', 'SubscriptionModel', 'FR', '2025-01-01', '2025-01-31', 400, 1000000000, 10000, 1000000000, 0, 'run-3');
INSERT INTO distributions (distribution_id, seq, period, status, collected, paid, remitted, commission, deductions, held, run_id, created_at, distribution_date) VALUES
  ('D-2025-Q1-1', 1, '2025-Q1', 'issued', 3000000000, 1900000000, 0, 150000000, 0, 950000000, 'run-4', '2025-04-02 09:00:00', '2025-04-15');
INSERT INTO statement_lines (distribution_id, party_id, party_name, ipi_name_number, work_id, iswc, work_title, role, share, right_type, service, territory, period_start, period_end, usages, gross, commission, deductions, net, line_kind, claim_id, invoice_id, payee_kind, payee, reason) VALUES
  ('D-2025-Q1-1', 'IPI:00000000199', 'Dupont', '00000000199', 'W1', 'T0000000010', 'La Mer Bleue', 'CA', 10000, 'performing', 'StreamA Premium', 'FR', '2025-01-01', '2025-01-31', 1200, 2000000000, 100000000, 0, 1900000000, 'normal', 'C1', 'INV-A', 'member', 'IPI:00000000199', NULL),
  ('D-2025-Q1-1', NULL, NULL, NULL, 'W2', NULL, 'Night Train', NULL, NULL, 'performing', 'StreamA Premium', 'FR', '2025-01-01', '2025-01-31', 400, 1000000000, 50000000, 0, 950000000, 'normal', 'C2', 'INV-A', 'held', NULL, 'review');
`;

/** Loads {@link PORTAL_DATA} into a store opened with every migration. */
export async function loadPortalData(store: Store): Promise<void> {
  await store.run(PORTAL_DATA);
}
