/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- tests read untyped JSON response bodies */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBytes, sampleLines } from '../formats/cwr/fixtures.test-support.js';
import { dsrFileName, formatDsrLines } from '../formats/dsr/index.js';
import { bapSpec } from '../stages/dsr/dsr-fixtures.test-helper.js';
import { createApiKey } from './api-keys.js';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';
import { createUser } from './users.js';

let fx: ApiFixture;
let app: FastifyInstance;
let streamCo: string;

beforeAll(async () => {
  fx = await createApiFixture();
  app = await buildApi({ store: fx.store, now: fx.now, version: 'test' });
  const user = await createUser(fx.store, { name: 'streamco', role: 'service', service: 'PADPIDA2014050101S' }, fx.now);
  streamCo = (await createApiKey(fx.store, { userId: user.userId }, fx.now)).token;
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

const post = (url: string, token: string, body: Uint8Array | string) =>
  app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, payload: Buffer.from(body) });

describe('uploads', () => {
  it('imports a CWR file through the CWR stage, and knows it when sent again', async () => {
    const bytes = fileBytes(sampleLines('2.2', 2));
    const first = await post('/uploads/cwr?name=CW250001PUB_058.V22', fx.tokens.operator, bytes);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'imported', works: 2, file: 'CW250001PUB_058.V22' });
    const again = await post('/uploads/cwr?name=CW250001PUB_058.V22', fx.tokens.operator, bytes);
    expect(again.json()).toMatchObject({ status: 'duplicate' });
    const works = await app.inject({ url: '/works?limit=100', headers: { authorization: `Bearer ${fx.tokens.operator}` } });
    expect(works.json().total).toBe(5);
  });

  it('refuses a CWR file without its header with 422, as the CLI does', async () => {
    const res = await post('/uploads/cwr?name=broken.V22', fx.tokens.operator, fileBytes(sampleLines('2.2').slice(1)));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CWR_FILE_REJECTED' });
  });

  it('lets a service upload its own DSR and then read it, but not another sender’s', async () => {
    const spec = bapSpec('UP-1');
    const text = `${[...formatDsrLines(spec)].join('\n')}\n`;
    const foreign = await post(`/uploads/dsr?name=${dsrFileName(spec)}`, fx.tokens.serviceA, text);
    expect(foreign.statusCode).toBe(403);
    expect(await fx.store.one(`SELECT 1 FROM reports WHERE report_id = 'PADPIDA2014050101S:UP-1'`)).toBeUndefined();
    const own = await post(`/uploads/dsr?name=${dsrFileName(spec)}`, streamCo, text);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'ingested', report: 'PADPIDA2014050101S:UP-1', quarantined: 0 });
    const reports = await app.inject({ url: '/reports', headers: { authorization: `Bearer ${streamCo}` } });
    expect(reports.json().items.map((r: { reportId: string }) => r.reportId)).toEqual(['PADPIDA2014050101S:UP-1']);
  });

  it('refuses a file that is not a DSR with 422, a bad name or empty body with 400, and members with 403', async () => {
    expect((await post('/uploads/dsr?name=junk_20240101.tsv', fx.tokens.operator, 'hello\tworld\n')).statusCode).toBe(422);
    expect((await post('/uploads/dsr?name=../etc/passwd', fx.tokens.operator, 'x')).statusCode).toBe(400);
    expect((await post('/uploads/dsr?name=a.tsv', fx.tokens.operator, '')).statusCode).toBe(400);
    expect((await post('/uploads/cwr?name=a.V22', fx.tokens.member1, 'x')).statusCode).toBe(403);
  });
});
