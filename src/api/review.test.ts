/* eslint-disable @typescript-eslint/no-unsafe-member-access -- tests read untyped JSON response bodies */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit-trail.js';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';

let fx: ApiFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await createApiFixture();
  app = await buildApi({ store: fx.store, now: fx.now });
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

const auth = (who: keyof ApiFixture['tokens']) => ({ authorization: `Bearer ${fx.tokens[who]}` });

describe('review decisions', () => {
  it('lists open items and shows one with its candidates', async () => {
    const list = await app.inject({ url: '/review-items', headers: auth('operator') });
    expect(list.json().items).toEqual([expect.objectContaining({ reviewId: 'rev-1', proposedWorkId: 'W2', status: 'open' })]);
    const one = await app.inject({ url: '/review-items/rev-1', headers: auth('operator') });
    expect(one.statusCode).toBe(200);
    expect(one.json().candidates).toEqual([expect.objectContaining({ workId: 'W2' })]);
  });

  it('records a decision by the calling user through the identification engine, audited', async () => {
    const res = await app.inject({ method: 'POST', url: '/review-items/rev-1/decision', headers: auth('operator'), payload: { decision: 'reassign', workId: 'W1', why: 'same recording' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'reassign', workId: 'W1', why: 'same recording' });
    expect(res.json().who).toMatch(/^usr_/);
    expect(await listAuditEvents(fx.store, { resourcePrefix: 'review-items/rev-1', limit: 5 })).toHaveLength(1);
  });

  it('validates the decision before the engine sees it, and refuses members', async () => {
    const bad = await app.inject({ method: 'POST', url: '/review-items/rev-1/decision', headers: auth('operator'), payload: { decision: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^body/);
    expect((await app.inject({ method: 'POST', url: '/review-items/rev-1/decision', headers: auth('member1'), payload: { decision: 'accept' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/review-items/rev-99', headers: auth('operator') })).statusCode).toBe(404);
  });
});
