/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- tests read untyped JSON response bodies */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit-trail.js';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';

let fx: ApiFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await createApiFixture();
  await fx.store.run(`INSERT INTO quarantine VALUES ('f1', 'in/report.tsv', 12, 'RU01', 'DSR_BAD_NUMBER', 'usages is not a number', 'RU01\tx', 'run-1'),
    ('f2', 'in/works.V22', 3, 'SWR', 'CWR_SHARE_TOTAL', 'shares total 90.00 %', NULL, 'run-2')`);
  app = await buildApi({ store: fx.store, now: fx.now });
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

const auth = (who: keyof ApiFixture['tokens']) => ({ authorization: `Bearer ${fx.tokens[who]}` });
const marie = { lastName: 'Dupont', firstName: 'Marie', ipiNameNumber: '00000000199', role: 'CA' as const };

describe('GET /quarantine', () => {
  it('lists quarantined lines with file, line, code and reason to staff, filtered by code', async () => {
    const all = await app.inject({ url: '/quarantine', headers: auth('operator') });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    const cwr = await app.inject({ url: '/quarantine?code=CWR_SHARE_TOTAL', headers: auth('admin') });
    expect(cwr.json().items).toEqual([expect.objectContaining({ path: 'in/works.V22', lineNo: '3', recordType: 'SWR', reason: 'shares total 90.00 %', raw: null })]);
  });

  it('refuses members and services', async () => {
    expect((await app.inject({ url: '/quarantine', headers: auth('member1') })).statusCode).toBe(403);
    expect((await app.inject({ url: '/quarantine', headers: auth('serviceA') })).statusCode).toBe(403);
  });
});

describe('GET …/statement.pdf', () => {
  it('renders a member its own statement as a PDF, audited', async () => {
    const res = await app.inject({ url: '/distributions/D1/statements/IPI%3A00000000199/statement.pdf', headers: auth('member1') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('D1-IPI_00000000199.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const events = await listAuditEvents(fx.store, { resourcePrefix: 'statements/D1/IPI:00000000199', limit: 10 });
    expect(events.some((e) => e.action === 'export')).toBe(true);
  });

  it("refuses another member's statement and answers 404 for a distribution that does not exist", async () => {
    expect((await app.inject({ url: '/distributions/D1/statements/IPI%3A00000000297/statement.pdf', headers: auth('member1') })).statusCode).toBe(403);
    expect((await app.inject({ url: '/distributions/D9/statements/IPI%3A00000000297/statement.pdf', headers: auth('operator') })).statusCode).toBe(404);
  });
});

describe('POST /works/registrations', () => {
  it('imports a member registration through the CWR stage and returns the work id and the CWR file', async () => {
    const res = await app.inject({
      method: 'POST', url: '/works/registrations', headers: auth('member1'),
      payload: { title: 'Les Vagues', iswc: 'T-000.000.003-2', writers: [{ ...marie, share: 6000 }, { lastName: 'Lenoir', role: 'A', share: 4000 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.workId).toBe('00000000199-WEB0000001');
    expect(body.cwr).toMatch(/^HDRWR/);
    expect(body.cwr).toContain('NWR');
    expect(body.cwr.split('\r\n').filter((l: string) => l.startsWith('SWR') || l.startsWith('OWR'))).toHaveLength(2);
    const work = await app.inject({ url: `/works/${body.workId}`, headers: auth('member1') });
    expect(work.statusCode).toBe(200);
    expect(work.json()).toMatchObject({ title: 'LES VAGUES', iswc: 'T0000000032' });
    expect(work.json().shares.filter((s: { rightType: string }) => s.rightType === 'performing').map((s: { ownershipShare: number }) => s.ownershipShare).sort()).toEqual([4000, 6000]);
    const runs = await fx.store.all<{ stage: string }>(`SELECT stage FROM runs WHERE stage = 'cwr-import'`);
    expect(runs).toHaveLength(1);
    const next = await app.inject({ method: 'POST', url: '/works/registrations', headers: auth('member1'), payload: { title: 'Second', writers: [{ ...marie, share: 10000 }] } });
    expect(next.json().workId).toBe('00000000199-WEB0000002');
  });

  it('refuses shares that do not total 100 %, a bad ISWC and a registration without the member, storing nothing', async () => {
    const before = await fx.store.one<{ n: bigint }>('SELECT count(*) AS n FROM works');
    const post = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/works/registrations', headers: auth('member1'), payload });
    const short = await post({ title: 'Half', writers: [{ ...marie, share: 5000 }] });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toContain('50.00 %');
    expect((await post({ title: 'Bad', iswc: 'T0000000011', writers: [{ ...marie, share: 10000 }] })).statusCode).toBe(400);
    expect((await post({ title: 'Not mine', writers: [{ lastName: 'Martin', ipiNameNumber: '00000000297', role: 'CA', share: 10000 }] })).statusCode).toBe(400);
    const after = await fx.store.one<{ n: bigint }>('SELECT count(*) AS n FROM works');
    expect(after?.n).toBe(before?.n);
    expect(await fx.store.one<{ n: bigint }>(`SELECT count(*) AS n FROM quarantine WHERE path LIKE '%registration%'`)).toEqual({ n: 0n });
  });

  it('is for members only', async () => {
    const res = await app.inject({ method: 'POST', url: '/works/registrations', headers: auth('operator'), payload: { title: 'X', writers: [{ ...marie, share: 10000 }] } });
    expect(res.statusCode).toBe(403);
  });
});
