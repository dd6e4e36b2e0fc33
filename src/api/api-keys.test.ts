import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { authenticate, createApiKey, revokeApiKey } from './api-keys.js';
import { createUser, revokeUser } from './users.js';

let store: Store;
let clock = new Date('2025-03-01T12:00:00Z');
const now = () => clock;

beforeEach(async () => {
  store = await openStore(':memory:');
  clock = new Date('2025-03-01T12:00:00Z');
});
afterEach(() => store.close());

describe('authenticate, with keys known from a recent request', () => {
  it('refuses a key revoked just after it authenticated', async () => {
    const user = await createUser(store, { name: 'op', role: 'operator' }, now);
    const key = await createApiKey(store, { userId: user.userId }, now);
    expect((await authenticate(store, key.token, now)).ok).toBe(true);
    await revokeApiKey(store, key.keyId, now);
    expect(await authenticate(store, key.token, now)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('refuses the keys of a user revoked just after they authenticated', async () => {
    const user = await createUser(store, { name: 'op', role: 'operator' }, now);
    const key = await createApiKey(store, { userId: user.userId }, now);
    expect((await authenticate(store, key.token, now)).ok).toBe(true);
    await revokeUser(store, user.userId, now);
    expect(await authenticate(store, key.token, now)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('refuses a known key once the clock passes its expiry', async () => {
    const user = await createUser(store, { name: 'op', role: 'operator' }, now);
    const key = await createApiKey(store, { userId: user.userId, expiresAt: new Date('2025-03-01T12:00:10Z') }, now);
    expect((await authenticate(store, key.token, now)).ok).toBe(true);
    clock = new Date('2025-03-01T12:00:10Z');
    expect(await authenticate(store, key.token, now)).toEqual({ ok: false, reason: 'expired' });
  });

  it('still checks the secret of a known key', async () => {
    const user = await createUser(store, { name: 'op', role: 'operator' }, now);
    const key = await createApiKey(store, { userId: user.userId }, now);
    expect((await authenticate(store, key.token, now)).ok).toBe(true);
    const forged = `${key.token.slice(0, -1)}${key.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await authenticate(store, forged, now)).toEqual({ ok: false, reason: 'unknown' });
  });
});
