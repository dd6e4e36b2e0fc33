import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildApi, createApiKey, createUser } from '../src/api/index.js';
import { openStore, type Store } from '../src/warehouse/index.js';

/**
 * Load test of the HTTP API on loopback only: work search (operator) and statement reads
 * (member, each read audited), bounded in time and connections. Data is built in DuckDB with
 * range(), so the measure needs no files. Reports requests/s and p99 latency per scenario.
 * Run: `npm run build && node dist/bench/api-load.bench.js [out.json]` (default bench/results/api-load.json).
 */
export interface ApiLoadOptions {
  readonly works: number;
  readonly members: number;
  readonly linesPerMember: number;
  readonly durationS: number;
  readonly connections: number;
}

export interface ApiLoadScenario {
  readonly name: string;
  readonly path: string;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly requests: number;
  /** The first request alone, before the measure (it builds what later reads use: statement-views.ts). */
  readonly firstRequestMs: number;
  readonly non2xx: number;
  readonly errors: number;
}

export const DEFAULT_API_LOAD: ApiLoadOptions = { works: 20_000, members: 2_000, linesPerMember: 50, durationS: 5, connections: 10 };

async function seed(store: Store, o: ApiLoadOptions): Promise<void> {
  await store.run(`INSERT INTO parties (party_id, kind, name, first_name, is_member)
    SELECT 'P' || lpad(i::VARCHAR, 6, '0'), 'writer', 'Writer ' || i, 'First', true FROM range(${o.members}) t(i)`);
  await store.run(`INSERT INTO works (work_id, title, version)
    SELECT 'W' || lpad(i::VARCHAR, 7, '0'), (['Blue', 'Night', 'Rain', 'Train', 'Sea', 'Love', 'City', 'Fire'])[1 + i % 8] || ' ' || (['Song', 'Dance', 'Dream', 'Road'])[1 + i % 4] || ' ' || i, 1
    FROM range(${o.works}) t(i)`);
  await store.run(`INSERT INTO work_shares (work_id, party_id, role, right_type, territories, ownership_share, collection_share, controlled)
    SELECT 'W' || lpad(i::VARCHAR, 7, '0'), 'P' || lpad((i % ${o.members})::VARCHAR, 6, '0'), 'CA', 'performing', '+2136', 10000, 10000, true FROM range(${o.works}) t(i)`);
  await store.run(`INSERT INTO distributions (distribution_id, seq, period, status, collected, paid, remitted, commission, deductions, held, run_id, created_at, distribution_date)
    VALUES ('D1', 1, '2025Q1', 'issued', 0, 0, 0, 0, 0, 0, 'run-1', TIMESTAMP '2025-04-01', DATE '2025-04-15')`);
  await store.run(`INSERT INTO statement_lines (distribution_id, party_id, party_name, work_id, role, share, right_type, service, territory, usages,
      gross, commission, deductions, net, line_kind, payee_kind, payee)
    SELECT 'D1', 'P' || lpad((i % ${o.members})::VARCHAR, 6, '0'), 'Writer', 'W' || lpad((i % ${o.works})::VARCHAR, 7, '0'), 'CA', 10000, 'performing',
      'Stream', 'FR', 10, 1000000 + i, 100000, 0, 900000 + i, 'normal', 'member', 'P' || lpad((i % ${o.members})::VARCHAR, 6, '0')
    FROM range(${o.members * o.linesPerMember}) t(i)`);
}

async function measure(name: string, url: string, token: string, o: ApiLoadOptions): Promise<ApiLoadScenario> {
  const started = performance.now();
  const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await first.arrayBuffer();
  const firstRequestMs = Math.round(performance.now() - started);
  if (!first.ok) throw new Error(`${url} answered ${first.status}`);
  const result = await autocannon({ url, connections: o.connections, duration: o.durationS, headers: { authorization: `Bearer ${token}` } });
  return {
    name,
    path: new URL(url).pathname + new URL(url).search,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    firstRequestMs,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Runs both scenarios against a fresh in-memory store on 127.0.0.1 and returns the measures. */
export async function runApiLoadBench(o: ApiLoadOptions = DEFAULT_API_LOAD): Promise<{ bench: 'api-load'; options: ApiLoadOptions; scenarios: ApiLoadScenario[] }> {
  const store = await openStore(':memory:');
  const now = () => new Date();
  try {
    await seed(store, o);
    const operator = await createUser(store, { name: 'bench-operator', role: 'operator' }, now);
    const member = await createUser(store, { name: 'bench-member', role: 'member', partyId: 'P000007' }, now);
    const operatorKey = (await createApiKey(store, { userId: operator.userId }, now)).token;
    const memberKey = (await createApiKey(store, { userId: member.userId }, now)).token;
    const app = await buildApi({ store, now, rateLimit: { max: 10_000_000, timeWindowMs: 60_000 } });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const scenarios = [
        await measure('work search by title (operator)', `${base}/works?title=night%20song&limit=20`, operatorKey, o),
        await measure('statement read (member, audited)', `${base}/distributions/D1/statements/P000007?limit=50`, memberKey, o),
      ];
      return { bench: 'api-load', options: o, scenarios };
    } finally {
      await app.close(); // waits for the requests autocannon left running (drainOnClose)
    }
  } finally {
    store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runApiLoadBench();
  const out = process.argv[2] ?? 'bench/results/api-load.json';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  // autocannon leaves sockets in keep-alive timers; the measure is done, so end the process.
  process.exit(0);
}
