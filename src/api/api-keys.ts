import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TuttiError } from '../domain/index.js';
import { sql, type Store } from '../warehouse/index.js';
import type { Principal, Role } from './principal.js';
import { findUser } from './users.js';

/** A key as listed: never the secret, only its public id and lifetime. */
export interface ApiKey {
  readonly keyId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** A key just created: `token` is shown once and never stored (only its SHA-256 is). */
export interface CreatedApiKey extends ApiKey {
  readonly token: string;
}

const TOKEN = /^tutti_(key_[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The key id a token claims, without checking it: lets rate limits count per key before the
 * (slower) lookup, so a flood with one key cannot starve the others.
 */
export function keyIdOfToken(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

interface KeyRow {
  key_id: string;
  user_id: string;
  key_hash: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

function toApiKey(row: KeyRow): ApiKey {
  return {
    keyId: row.key_id,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

/**
 * Creates a key for a user: 256 random bits, presented as `tutti_<keyId>.<secret>` in an
 * `Authorization: Bearer` or `X-API-Key` header. `expiresAt` null means no expiry.
 */
export async function createApiKey(
  store: Store,
  input: { readonly userId: string; readonly expiresAt?: Date | null },
  now: () => Date,
): Promise<CreatedApiKey> {
  const user = await findUser(store, input.userId);
  if (!user) throw new TuttiError('NOT_FOUND', `no user ${input.userId}: see \`tutti users list\``, { value: input.userId });
  if (user.revokedAt) throw new TuttiError('CONFLICT', `user ${input.userId} is revoked: create a new user`, { value: input.userId });
  const keyId = `key_${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = input.expiresAt ? input.expiresAt.toISOString() : null;
  await store.run(sql`INSERT INTO api_keys (key_id, user_id, key_hash, created_at, expires_at)
    VALUES (${keyId}, ${input.userId}, ${hashSecret(secret)}, ${now().toISOString()}::TIMESTAMP, ${expiresAt}::TIMESTAMP)`);
  const row = (await store.one<KeyRow>(sql`SELECT * FROM api_keys WHERE key_id = ${keyId}`)) as KeyRow;
  return { ...toApiKey(row), token: `tutti_${keyId}.${secret}` };
}

/** Keys, oldest first, of one user or of all. */
export async function listApiKeys(store: Store, userId?: string): Promise<ApiKey[]> {
  const rows = userId
    ? await store.all<KeyRow>(sql`SELECT * FROM api_keys WHERE user_id = ${userId} ORDER BY created_at, key_id`)
    : await store.all<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, key_id');
  return rows.map(toApiKey);
}

/** Revokes a key at `now`; revoking twice keeps the first time. */
export async function revokeApiKey(store: Store, keyId: string, now: () => Date): Promise<ApiKey> {
  await store.run(sql`UPDATE api_keys SET revoked_at = ${now().toISOString()}::TIMESTAMP WHERE key_id = ${keyId} AND revoked_at IS NULL`);
  forgetKnownKeys(store);
  const row = await store.one<KeyRow>(sql`SELECT * FROM api_keys WHERE key_id = ${keyId}`);
  if (!row) throw new TuttiError('NOT_FOUND', `no key ${keyId}: see \`tutti keys list\``, { value: keyId });
  return toApiKey(row);
}

/** A key that authenticated lately: its hash, its expiry and who it stands for. */
interface KnownKey {
  readonly keyHash: Buffer;
  readonly expiresAt: number | null;
  readonly principal: Principal;
  readonly until: number;
}

/**
 * Per store: keys that authenticated in the last {@link KNOWN_KEY_MS}, so that a burst of requests
 * with one key costs one lookup. The secret is still checked on every request; expiry is checked
 * against the clock; revoking a key or a user through this module forgets every known key at once.
 * A change made to the tables by other means shows after at most {@link KNOWN_KEY_MS}.
 */
const knownKeys = new WeakMap<Store, Map<string, KnownKey>>();
const KNOWN_KEY_MS = 1000;

/** Forgets the keys known to have authenticated on a store (after a revocation). */
export function forgetKnownKeys(store: Store): void {
  knownKeys.get(store)?.clear();
}

/** Why a token was refused, said to the caller (never which part of a secret was wrong). */
export type AuthFailure = 'malformed' | 'unknown' | 'expired' | 'revoked';

/**
 * Resolves a presented token to its {@link Principal}, comparing hashes in constant time.
 * A key is refused when unknown, expired at `now`, revoked, or when its user is revoked.
 */
export async function authenticate(
  store: Store,
  token: string,
  now: () => Date,
): Promise<{ ok: true; principal: Principal } | { ok: false; reason: AuthFailure }> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, keyId, secret] = match as unknown as [string, string, string];
  const presented = Buffer.from(hashSecret(secret), 'hex');
  let known = knownKeys.get(store);
  if (!known) {
    known = new Map();
    knownKeys.set(store, known);
  }
  const cached = known.get(keyId);
  if (cached && cached.until > performance.now() && presented.length === cached.keyHash.length && timingSafeEqual(presented, cached.keyHash)) {
    if (cached.expiresAt !== null && cached.expiresAt <= now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, principal: cached.principal };
  }
  const row = await store.one<KeyRow & { name: string; role: string; party_id: string | null; service: string | null; society: string | null; user_revoked_at: Date | null }>(
    sql`SELECT k.*, u.name, u.role, u.party_id, u.service, u.society, u.revoked_at AS user_revoked_at
        FROM api_keys k JOIN users u USING (user_id) WHERE k.key_id = ${keyId}`,
  );
  if (!row) return { ok: false, reason: 'unknown' };
  const keyHash = Buffer.from(row.key_hash, 'hex');
  if (keyHash.length !== presented.length || !timingSafeEqual(presented, keyHash)) return { ok: false, reason: 'unknown' };
  if (row.revoked_at || row.user_revoked_at) return { ok: false, reason: 'revoked' };
  if (row.expires_at && row.expires_at.getTime() <= now().getTime()) return { ok: false, reason: 'expired' };
  const principal: Principal = {
    userId: row.user_id,
    name: row.name,
    role: row.role as Role,
    partyId: row.party_id,
    service: row.service,
    society: row.society,
    keyId,
  };
  known.set(keyId, { keyHash, expiresAt: row.expires_at ? row.expires_at.getTime() : null, principal, until: performance.now() + KNOWN_KEY_MS });
  return { ok: true, principal };
}
