/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- tests read untyped JSON response bodies */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';

let fx: ApiFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await createApiFixture();
  app = await buildApi({ store: fx.store, now: fx.now, version: '0.1.0', rateLimit: { max: 5, timeWindowMs: 60_000 } });
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

const auth = (who: keyof ApiFixture['tokens']) => ({ authorization: `Bearer ${fx.tokens[who]}` });

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document describing every route with its security', async () => {
    const res = await app.inject({ url: '/openapi.json', headers: auth('member1') });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    for (const path of ['/works', '/works/{workId}', '/claims', '/invoices/{invoiceId}', '/distributions/{distributionId}/statements/{partyId}', '/review-queue', '/audit-events']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(doc.components.schemas.Problem).toBeDefined();
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json once a key spends its budget, without touching other keys', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.inject({ url: '/me', headers: auth('operator') })).statusCode);
    expect(statuses.slice(0, 4).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await app.inject({ url: '/me', headers: auth('operator') });
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await app.inject({ url: '/me', headers: auth('admin') })).statusCode).toBe(200);
  });
});
