/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read untyped JSON response bodies */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';

let fx: ApiFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await createApiFixture();
  app = await buildApi({ store: fx.store, now: fx.now, version: '0.1.0' });
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

const get = (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('authentication', () => {
  it('refuses a request without a key with 401 problem+json', async () => {
    const res = await get('/works');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: expect.stringContaining('Bearer') });
  });

  it('refuses expired, revoked, malformed and forged keys', async () => {
    expect((await get('/me', fx.tokens.expired)).json().detail).toMatch(/expired/);
    expect((await get('/me', fx.tokens.revoked)).json().detail).toMatch(/revoked/);
    expect((await get('/me', 'hello')).statusCode).toBe(401);
    const forged = fx.tokens.admin.slice(0, -4) + 'AAAA';
    expect((await get('/me', forged)).statusCode).toBe(401);
  });

  it('accepts the key as X-API-Key too', async () => {
    const res = await app.inject({ url: '/me', headers: { 'x-api-key': fx.tokens.member1 } });
    expect(res.json()).toMatchObject({ role: 'member', partyId: 'IPI:00000000199' });
  });

  it('refuses unknown routes with 401 before saying they do not exist', async () => {
    expect((await get('/nothing')).statusCode).toBe(401);
    expect((await get('/nothing', fx.tokens.admin)).statusCode).toBe(404);
  });
});

describe('works', () => {
  it('searches by title, ISWC, writer and IPI', async () => {
    const ids = async (q: string) => (await get(`/works?${q}`, fx.tokens.operator)).json().items.map((w: { workId: string }) => w.workId);
    expect(await ids('title=blue')).toEqual(['W1']);
    expect(await ids('iswc=T-000.000.001-0')).toEqual(['W1']);
    expect(await ids('writer=paul%20martin')).toEqual(['W2']);
    expect(await ids('ipi=297')).toEqual(['W2']);
    expect(await ids('sort=workId&order=desc')).toEqual(['W3', 'W2', 'W1']);
  });

  it('refuses an invalid ISWC with 400 before querying', async () => {
    const res = await get('/works?iswc=T0000000011', fx.tokens.operator);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/check digit/);
  });

  it('refuses unknown query parameters and bad limits', async () => {
    expect((await get('/works?limit=0', fx.tokens.operator)).json()).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect((await get('/works?bogus=1', fx.tokens.operator)).statusCode).toBe(400);
    expect((await get('/works?sort=drop', fx.tokens.operator)).statusCode).toBe(400);
  });

  it('pages with total, limit and offset', async () => {
    const page = (await get('/works?limit=2&offset=1&sort=workId', fx.tokens.admin)).json();
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items.map((w: { workId: string }) => w.workId)).toEqual(['W2', 'W3']);
  });

  it('shows a member only the works they hold shares in', async () => {
    const page = (await get('/works', fx.tokens.member1)).json();
    expect(page.items.map((w: { workId: string }) => w.workId)).toEqual(['W1']);
    expect((await get('/works/W2', fx.tokens.member1)).statusCode).toBe(403);
    const w1 = (await get('/works/W1', fx.tokens.member1)).json();
    expect(w1.shares).toEqual([expect.objectContaining({ partyId: 'IPI:00000000199', ownershipShare: 10000 })]);
  });

  it('shows a partner society its mandated repertoire only', async () => {
    const page = (await get('/works', fx.tokens.partner)).json();
    expect(page.items.map((w: { workId: string }) => w.workId)).toEqual(['W3']);
  });

  it('refuses works to a service with 403', async () => {
    const res = await get('/works', fx.tokens.serviceA);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});
