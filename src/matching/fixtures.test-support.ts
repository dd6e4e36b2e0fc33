import { sql, type Store } from '../warehouse/index.js';

/** Small repertoire and report builders for tests (inserted directly, as the importers would). */
export interface FixtureWork {
  readonly workId: string;
  readonly title: string;
  readonly iswc?: string;
  readonly performers?: readonly string[];
  /** [surname, first name, IPI name number] */
  readonly writers?: readonly (readonly [string, string, string?])[];
  readonly durationS?: number;
  readonly altTitles?: readonly string[];
}

export async function insertWorks(store: Store, works: readonly FixtureWork[]): Promise<void> {
  for (const w of works) {
    await store.run(
      sql`INSERT INTO works (work_id, title, iswc, duration_s) VALUES (${w.workId}, ${w.title}, ${w.iswc ?? null}, ${w.durationS ?? null})`,
    );
    if (w.iswc !== undefined)
      await store.run(sql`INSERT INTO work_iswcs VALUES (${w.workId}, ${w.iswc}, true)`);
    for (const t of w.altTitles ?? [])
      await store.run(sql`INSERT INTO work_titles VALUES (${w.workId}, ${t}, 'AT', NULL)`);
    for (const p of w.performers ?? [])
      await store.run(sql`INSERT INTO work_performers VALUES (${w.workId}, ${p})`);
    for (const [surname, first, ipi] of w.writers ?? []) {
      const partyId = `P:${surname}:${first}`;
      await store.run(sql`INSERT INTO parties (party_id, kind, name, first_name, ipi_name_number) VALUES (${partyId}, 'writer', ${surname}, ${first}, ${ipi ?? null})
        ON CONFLICT DO NOTHING`);
      await store.run(
        sql`INSERT INTO work_shares VALUES (${w.workId}, ${partyId}, 'CA', NULL, 'performing', '+2136', 5000, 5000, true, NULL)`,
      );
    }
  }
}

export interface FixtureResource {
  readonly ref: string;
  readonly dspId?: string;
  readonly isrc?: string;
  readonly title?: string;
  readonly artist?: string;
  readonly durationS?: number;
  readonly iswc?: string;
  readonly workRef?: string;
  readonly writers?: string;
  readonly writerIds?: string;
  /** Usages reported on this resource (one usage line). */
  readonly usages?: number;
}

export async function insertReport(
  store: Store,
  reportId: string,
  resources: readonly FixtureResource[],
  opts: { status?: string; periodStart?: string; periodEnd?: string; sender?: string } = {},
): Promise<void> {
  await store.run(sql`INSERT INTO reports VALUES (${reportId}, ${reportId}, ${opts.sender ?? 'PADPIDA2014040901A'}, 'DSP', NULL, 'Premium', 'FR',
    ${opts.periodStart ?? '2024-01-01'}::DATE, ${opts.periodEnd ?? '2024-01-31'}::DATE, 'BasicAudioProfile', '1.2', 1, 1, ${opts.status ?? 'complete'}, 'run-0')`);
  let line = 1;
  for (const r of resources) {
    await store.run(sql`INSERT INTO report_resources VALUES (${reportId}, 'B1', ${r.ref}, ${r.dspId ?? null}, ${r.isrc ?? null}, ${r.title ?? null}, NULL,
      ${r.artist ?? null}, ${r.durationS ?? null}, 'SoundRecording', ${r.iswc ?? null}, NULL, ${r.writers ?? null}, ${r.writerIds ?? null}, NULL, ${r.workRef ?? null})`);
    await store.run(
      sql`INSERT INTO usage_lines VALUES (${reportId}, 'f', ${line++}, 'B1', 'S1', NULL, ${r.ref}, ${r.dspId ?? null}, ${r.usages ?? 1}, 'Stream', NULL, true)`,
    );
  }
}
