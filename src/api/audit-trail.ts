import { createHash } from 'node:crypto';
import type { DuckDBValue } from '@duckdb/node-api';
import { sql, type Store } from '../warehouse/index.js';
import { canonicalJson } from './canonical-json.js';

/** One entry of the audit trail. `detail` is any JSON value (bigints as strings). */
export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly resource: string;
  readonly detail: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface NewAuditEvent {
  readonly actor: string;
  readonly action: string;
  readonly resource: string;
  readonly detail?: unknown;
}

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An append waiting for its turn, with the clock of its caller. */
interface PendingAppend {
  readonly event: NewAuditEvent;
  /** The detail round-tripped through canonical JSON, so the stored text hashes the same on verify. */
  readonly detail: unknown;
  readonly now: () => Date;
  readonly resolve: (entry: AuditEvent) => void;
  readonly reject: (error: unknown) => void;
}

/** Per store: the appends waiting, whether a batch is being written, and the chain head (one writer process). */
interface ChainState {
  readonly queue: PendingAppend[];
  writing: boolean;
  head?: { seq: number; hash: string } | undefined;
}
const chains = new WeakMap<Store, ChainState>();

/** At most this many entries are written by one INSERT (8 bound values each). */
const BATCH = 256;

/**
 * The hash of an entry: sha256 over the previous hash and the canonical JSON of
 * `[seq, at, actor, action, resource, detail]`, so changing any field, or the order, changes it.
 */
export function hashAuditEntry(prevHash: string, entry: Omit<AuditEvent, 'prevHash' | 'hash'>): string {
  const body = canonicalJson([entry.seq, entry.at, entry.actor, entry.action, entry.resource, entry.detail ?? null]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends an entry at the end of the chain and moves the anchor; resolves once both are written.
 * Appends are serialised per store (one process writes the trail: DESIGN.md §3), so the chain never
 * forks. Appends that arrive while a write is under way are chained in arrival order and written
 * together by one INSERT and one anchor UPDATE (group commit), so concurrent audited reads do not
 * queue behind one another's round trips.
 */
export function appendAuditEvent(store: Store, event: NewAuditEvent, now: () => Date): Promise<AuditEvent> {
  let chain = chains.get(store);
  if (!chain) {
    chain = { queue: [], writing: false };
    chains.set(store, chain);
  }
  const state = chain;
  let detail: unknown;
  try {
    detail = JSON.parse(canonicalJson(event.detail ?? null)) as unknown; // a detail that is not JSON fails alone
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const appended = new Promise<AuditEvent>((resolve, reject) => state.queue.push({ event, detail, now, resolve, reject }));
  if (!state.writing) void writeQueued(store, state);
  return appended;
}

async function writeQueued(store: Store, state: ChainState): Promise<void> {
  state.writing = true;
  try {
    while (state.queue.length > 0) {
      const batch = state.queue.splice(0, BATCH);
      try {
        const entries = await writeBatch(store, state, batch);
        batch.forEach((pending, i) => pending.resolve(entries[i] as AuditEvent));
      } catch (error) {
        state.head = undefined; // re-read the head next time rather than trust a half-written append
        for (const pending of batch) pending.reject(error);
      }
    }
  } finally {
    state.writing = false;
  }
}

async function writeBatch(store: Store, state: ChainState, batch: readonly PendingAppend[]): Promise<AuditEvent[]> {
  if (!state.head) {
    const last = await store.one<{ seq: bigint; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    state.head = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }
  let { seq, hash: prevHash } = state.head;
  const entries: AuditEvent[] = [];
  const values: DuckDBValue[] = [];
  const rows: string[] = [];
  for (const { event, detail, now } of batch) {
    seq++;
    const entry = { seq, at: now().toISOString(), actor: event.actor, action: event.action, resource: event.resource, detail };
    const hash = hashAuditEntry(prevHash, entry);
    entries.push({ ...entry, prevHash, hash });
    const n = values.length;
    rows.push(`($${n + 1}, $${n + 2}::TIMESTAMP, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::JSON, $${n + 7}, $${n + 8})`);
    values.push(seq, entry.at, entry.actor, entry.action, entry.resource, canonicalJson(detail), prevHash, hash);
    prevHash = hash;
  }
  await store.run({ text: `INSERT INTO audit_events (seq, "at", actor, action, resource, detail, prev_hash, hash) VALUES ${rows.join(', ')}`, values });
  await store.run(sql`UPDATE audit_anchor SET seq = ${seq}, hash = ${prevHash} WHERE id = 1`);
  state.head = { seq, hash: prevHash };
  return entries;
}

interface AuditRow {
  seq: bigint;
  at: Date;
  actor: string;
  action: string;
  resource: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    resource: row.resource,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditFilter {
  readonly actor?: string | undefined;
  readonly resourcePrefix?: string | undefined;
  readonly afterSeq?: number | undefined;
  readonly limit: number;
  readonly order?: 'asc' | 'desc' | undefined;
}

/** Entries in seq order (ascending by default), filtered by actor and resource prefix. */
export async function listAuditEvents(store: Store, filter: AuditFilter): Promise<AuditEvent[]> {
  const actor = filter.actor ?? null;
  const prefix = filter.resourcePrefix ?? null;
  const where = sql`FROM audit_events
    WHERE (${actor}::VARCHAR IS NULL OR actor = ${actor})
      AND (${prefix}::VARCHAR IS NULL OR starts_with(resource, ${prefix}))
      AND seq > ${filter.afterSeq ?? 0}
    ORDER BY seq `;
  // The direction is one of two keywords chosen here, never caller text; the limit is bound.
  const text = `SELECT seq, "at", actor, action, resource, detail::VARCHAR AS detail, prev_hash, hash ${where.text}${
    filter.order === 'desc' ? 'DESC' : 'ASC'
  } LIMIT $${where.values.length + 1}`;
  const rows = await store.all<AuditRow>({ text, values: [...where.values, filter.limit] });
  return rows.map(toEvent);
}

/** What `verifyAuditTrail` found: `ok` with the head, or the first entry that breaks the chain. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly problem?: { readonly seq: number; readonly reason: string };
}

/**
 * Walks the whole trail in seq order, recomputing every hash. Detects a changed entry (its hash no
 * longer matches), a removed or inserted one (a gap in seq, or a prev_hash that is not the previous
 * hash), and entries removed from the end (the anchor names a later head). Reads in pages so the
 * trail is never all in memory.
 */
export async function verifyAuditTrail(store: Store, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  for (;;) {
    const page = await listAuditEvents(store, { afterSeq: expected - 1, limit: pageSize });
    for (const event of page) {
      const fail = (reason: string): AuditVerification => ({ ok: false, entries, headSeq: expected - 1, headHash: prevHash, problem: { seq: event.seq, reason } });
      if (event.seq !== expected) return fail(`entry ${expected} is missing (next is ${event.seq})`);
      if (event.prevHash !== prevHash) return fail(`entry ${event.seq} does not follow entry ${expected - 1} (prev_hash differs)`);
      const { seq, at, actor, action, resource, detail, hash } = event;
      if (hashAuditEntry(prevHash, { seq, at, actor, action, resource, detail }) !== hash) return fail(`entry ${event.seq} was changed (its hash no longer matches its content)`);
      prevHash = hash;
      expected++;
      entries++;
    }
    if (page.length < pageSize) break;
  }
  const anchor = await store.one<{ seq: bigint; hash: string }>('SELECT seq, hash FROM audit_anchor WHERE id = 1');
  const headSeq = expected - 1;
  if (anchor && Number(anchor.seq) < headSeq) {
    return { ok: false, entries, headSeq, headHash: prevHash, problem: { seq: Number(anchor.seq), reason: `the anchor names entry ${anchor.seq} but the trail goes on to ${headSeq}: the anchor was changed` } };
  }
  if (anchor && (Number(anchor.seq) !== headSeq || anchor.hash !== prevHash)) {
    return { ok: false, entries, headSeq, headHash: prevHash, problem: { seq: Number(anchor.seq), reason: `the trail ends at entry ${headSeq} but entry ${anchor.seq} was written: entries were removed from the end` } };
  }
  if (!anchor && entries > 0) {
    return { ok: false, entries, headSeq, headHash: prevHash, problem: { seq: headSeq, reason: 'the anchor of the trail was removed' } };
  }
  return { ok: true, entries, headSeq, headHash: prevHash };
}
