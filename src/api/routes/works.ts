import { Type, type Static } from '@sinclair/typebox';
import { parseIpiNameNumber, parseIswc, TuttiError } from '../../domain/index.js';
import { sql } from '../../warehouse/index.js';
import { loadPage } from '../load-page.js';
import { seesEverything } from '../principal.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { ERROR_RESPONSES, listQuery, Nullable, pageOf } from '../schemas.js';
import { scopeWorks } from '../scope.js';

const Work = Type.Object({
  workId: Type.String(),
  title: Type.String(),
  iswc: Nullable(Type.String()),
  submitter: Nullable(Type.String()),
  language: Nullable(Type.String()),
  durationS: Nullable(Type.Integer()),
  version: Type.Integer(),
  registeredAt: Nullable(Type.String({ format: 'date' })),
});

const Share = Type.Object({
  partyId: Type.String(),
  name: Nullable(Type.String()),
  ipiNameNumber: Nullable(Type.String()),
  role: Type.String(),
  rightType: Type.String(),
  territories: Type.String(),
  ownershipShare: Type.Integer({ description: 'hundredths of a percent (10000 = 100.00 %)' }),
  collectionShare: Type.Integer({ description: 'hundredths of a percent (10000 = 100.00 %)' }),
  controlled: Type.Boolean(),
  society: Nullable(Type.String()),
});

const WorkDetail = Type.Composite([
  Work,
  Type.Object({
    titles: Type.Array(Type.Object({ title: Type.String(), titleType: Type.String(), language: Nullable(Type.String()) })),
    iswcs: Type.Array(Type.Object({ iswc: Type.String(), preferred: Type.Boolean() })),
    shares: Type.Array(Share),
    performers: Type.Array(Type.String()),
    recordings: Type.Array(Type.Object({ isrc: Type.String(), title: Nullable(Type.String()), displayArtist: Nullable(Type.String()), source: Type.String() })),
  }),
]);

const WorkQuery = listQuery(['title', 'workId', 'iswc', 'registeredAt'], {
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'contained in the title or any alternative title, any case' })),
  iswc: Type.Optional(Type.String({ minLength: 11, maxLength: 15, description: 'preferred or archived ISWC (check digit verified)' })),
  writer: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'contained in the name of an interested party' })),
  ipi: Type.Optional(Type.String({ pattern: '^[0-9]{1,11}$', description: 'IPI name number of an interested party' })),
});

const SORT = { title: 'title', workId: 'work_id', iswc: 'iswc', registeredAt: 'registered_at' } as const;

interface WorkRow {
  work_id: string;
  title: string;
  iswc: string | null;
  submitter: string | null;
  language: string | null;
  duration_s: number | null;
  version: number;
  registered_at: string | null;
}

const WORK_COLUMNS = 'SELECT work_id, title, iswc, submitter, language, duration_s, version, registered_at::VARCHAR AS registered_at FROM works w WHERE true';

function toWork(r: WorkRow): Static<typeof Work> {
  return {
    workId: r.work_id,
    title: r.title,
    iswc: r.iswc,
    submitter: r.submitter,
    language: r.language,
    durationS: r.duration_s,
    version: r.version,
    registeredAt: r.registered_at,
  };
}

/** Works: search (title, ISWC, writer, IPI) and one work with its shares; members and partners see their slice. */
export const registerWorkRoutes: RegisterRoutes = (app, { store, audit }) => {
  app.get(
    '/works',
    {
      schema: { tags: ['repertoire'], summary: 'Search works', querystring: WorkQuery, response: { 200: pageOf(Work), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      const q = request.query as Static<typeof WorkQuery>;
      const b = createQueryBuilder(WORK_COLUMNS);
      if (q.title !== undefined) {
        const t = b.bind(q.title.toLowerCase());
        b.text(` AND (contains(lower(w.title), ${t}) OR w.work_id IN (SELECT work_id FROM work_titles WHERE contains(lower(title), ${t})))`);
      }
      if (q.iswc !== undefined) {
        const iswc = b.bind(parseIswc(q.iswc));
        b.text(` AND (w.iswc = ${iswc} OR w.work_id IN (SELECT work_id FROM work_iswcs WHERE iswc = ${iswc}))`);
      }
      if (q.writer !== undefined) {
        const name = b.bind(q.writer.toLowerCase());
        b.text(` AND w.work_id IN (SELECT s.work_id FROM work_shares s JOIN parties p USING (party_id)
          WHERE contains(lower(concat_ws(' ', p.first_name, p.name)), ${name}) OR contains(lower(p.name), ${name}))`);
      }
      if (q.ipi !== undefined) {
        const ipi = b.bind(parseIpiNameNumber(q.ipi));
        b.text(` AND w.work_id IN (SELECT s.work_id FROM work_shares s JOIN parties p USING (party_id) WHERE p.ipi_name_number = ${ipi})`);
      }
      scopeWorks(b, request.principal, 'w.work_id');
      return loadPage(store, b.build(), q, SORT, 'title', 'work_id', toWork);
    },
  );

  app.get(
    '/works/:workId',
    {
      schema: {
        tags: ['repertoire'],
        summary: 'One work with titles, ISWCs, shares, performers and recordings (audited: shares)',
        params: Type.Object({ workId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: WorkDetail, ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      const { workId } = request.params as { workId: string };
      const b = createQueryBuilder(WORK_COLUMNS);
      b.text(` AND w.work_id = ${b.bind(workId)}`);
      scopeWorks(b, request.principal, 'w.work_id');
      const row = await store.one<WorkRow>(b.build());
      if (!row) {
        const exists = await store.one(sql`SELECT 1 FROM works WHERE work_id = ${workId}`);
        if (exists && !seesEverything(request.principal)) {
          throw new TuttiError('FORBIDDEN', `work ${workId} is not in the repertoire of ${request.principal.name}`);
        }
        throw new TuttiError('NOT_FOUND', `no work ${workId}: search with GET /works`);
      }
      const [titles, iswcs, shares, performers, recordings] = await Promise.all([
        store.all<{ title: string; title_type: string; language: string | null }>(sql`SELECT title, title_type, language FROM work_titles WHERE work_id = ${workId} ORDER BY title_type, title`),
        store.all<{ iswc: string; preferred: boolean }>(sql`SELECT iswc, preferred FROM work_iswcs WHERE work_id = ${workId} ORDER BY preferred DESC, iswc`),
        store.all<Record<string, unknown>>(sql`SELECT s.*, p.name, p.ipi_name_number FROM work_shares s LEFT JOIN parties p USING (party_id)
          WHERE s.work_id = ${workId} ORDER BY s.right_type, s.party_id, s.role, s.territories`),
        store.all<{ name: string }>(sql`SELECT name FROM work_performers WHERE work_id = ${workId} ORDER BY name`),
        store.all<{ isrc: string; title: string | null; display_artist: string | null; source: string }>(
          sql`SELECT isrc, title, display_artist, source FROM recordings WHERE work_id = ${workId} ORDER BY isrc`,
        ),
      ]);
      await audit(request, 'read', `works/${workId}`, { shares: shares.length });
      return {
        ...toWork(row),
        titles: titles.map((t) => ({ title: t.title, titleType: t.title_type, language: t.language })),
        iswcs: iswcs.map((i) => ({ iswc: i.iswc, preferred: i.preferred })),
        shares: shares.map((s) => ({
          partyId: s['party_id'] as string,
          name: (s['name'] as string | null) ?? null,
          ipiNameNumber: (s['ipi_name_number'] as string | null) ?? null,
          role: s['role'] as string,
          rightType: s['right_type'] as string,
          territories: s['territories'] as string,
          ownershipShare: s['ownership_share'] as number,
          collectionShare: s['collection_share'] as number,
          controlled: s['controlled'] as boolean,
          society: (s['society'] as string | null) ?? null,
        })),
        performers: performers.map((p) => p.name),
        recordings: recordings.map((r) => ({ isrc: r.isrc, title: r.title, displayArtist: r.display_artist, source: r.source })),
      };
    },
  );
};
