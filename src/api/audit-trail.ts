import { createHash } from 'node:crypto';
import { sql, type Store } from '../warehouse/index.js';
import { canonicalJson } from './canonical-json.js';
import { createSerialLock } from './serial-lock.js';

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

/** Per store: the append lock and the chain head, known after the first append (one writer process). */
const chains = new WeakMap<Store, { lock: ReturnType<typeof createSerialLock>; head?: { seq: number; hash: string } | undefined }>();

/**
 * The hash of an entry: sha256 over the previous hash and the canonical JSON of
 * `[seq, at, actor, action, resource, detail]`, so changing any field, or the order, changes it.
 */
export function hashAuditEntry(prevHash: string, entry: Omit<AuditEvent, 'prevHash' | 'hash'>): string {
  const body = canonicalJson([entry.seq, entry.at, entry.actor, entry.action, entry.resource, entry.detail ?? null]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends an entry at the end of the chain and moves the anchor. Appends are serialised per store
 * (one process writes the trail: DESIGN.md §3), so the chain never forks.
 */
export async function appendAuditEvent(store: Store, event: NewAuditEvent, now: () => Date): Promise<AuditEvent> {
  let chain = chains.get(store);
  if (!chain) {
    chain = { lock: createSerialLock() };
    chains.set(store, chain);
  }
  const state = chain;
  return state.lock(async () => {
    if (!state.head) {
      const last = await store.one<{ seq: bigint; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
      state.head = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    }
    const seq = state.head.seq + 1;
    const prevHash = state.head.hash;
    // Round-trip the detail through canonical JSON now, so the stored text hashes the same on verify.
    const detail = JSON.parse(canonicalJson(event.detail ?? null)) as unknown;
    const entry = { seq, at: now().toISOString(), actor: event.actor, action: event.action, resource: event.resource, detail };
    const hash = hashAuditEntry(prevHash, entry);
    try {
      await store.run(sql`INSERT INTO audit_events (seq, "at", actor, action, resource, detail, prev_hash, hash)
        VALUES (${seq}, ${entry.at}::TIMESTAMP, ${entry.actor}, ${entry.action}, ${entry.resource}, ${canonicalJson(detail)}::JSON, ${prevHash}, ${hash})`);
      await store.run(sql`UPDATE audit_anchor SET seq = ${seq}, hash = ${hash} WHERE id = 1`);
    } catch (error) {
      state.head = undefined; // re-read the head next time rather than trust a half-written append
      throw error;
    }
    state.head = { seq, hash };
    return { ...entry, prevHash, hash };
  });
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
