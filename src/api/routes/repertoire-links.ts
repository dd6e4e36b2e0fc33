import { Type, type Static } from '@sinclair/typebox';
import { parseIsrc } from '../../domain/index.js';
import { loadPage } from '../load-page.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, Nullable, pageOf } from '../schemas.js';
import { scopeWorks } from '../scope.js';

const Recording = Type.Object({
  isrc: Type.String(),
  workId: Type.String(),
  title: Nullable(Type.String()),
  versionTitle: Nullable(Type.String()),
  displayArtist: Nullable(Type.String()),
  durationS: Nullable(Type.Integer()),
  source: Type.String(),
});

const Link = Type.Object({
  isrc: Type.String(),
  workId: Nullable(Type.String()),
  iswc: Nullable(Type.String()),
  source: Type.String(),
  sourceRef: Nullable(Type.String()),
  confidence: Type.Integer(),
  firstSeen: Type.String(),
  lastSeen: Type.String(),
  conflict: Type.Boolean(),
});

const filters = {
  isrc: Type.Optional(Type.String({ minLength: 12, maxLength: 17 })),
  workId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
};
const RecordingQuery = listQuery(['isrc', 'workId', 'title'], filters);
const LinkQuery = listQuery(['isrc', 'workId', 'lastSeen', 'confidence'], { ...filters, conflict: Type.Optional(Type.Boolean()) });

/** Recordings and the ISRC–work link registry, scoped like works. */
export const registerRepertoireLinkRoutes: RegisterRoutes = (app, { store }) => {
  app.get(
    '/recordings',
    {
      schema: { tags: ['repertoire'], summary: 'Recordings of works', querystring: RecordingQuery, response: { 200: pageOf(Recording), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      const q = request.query as Static<typeof RecordingQuery>;
      const b = createQueryBuilder('SELECT isrc, work_id, title, version_title, display_artist, duration_s, source FROM recordings WHERE true');
      if (q.isrc !== undefined) b.text(` AND isrc = ${b.bind(parseIsrc(q.isrc))}`);
      if (q.workId !== undefined) b.text(` AND work_id = ${b.bind(q.workId)}`);
      scopeWorks(b, request.principal, 'work_id');
      return loadPage(store, b.build(), q, { isrc: 'isrc', workId: 'work_id', title: 'title' }, 'isrc', 'isrc, work_id, source', toJsonRow);
    },
  );

  app.get(
    '/links',
    {
      schema: { tags: ['repertoire'], summary: 'ISRC–work links with provenance and conflicts', querystring: LinkQuery, response: { 200: pageOf(Link), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      const q = request.query as Static<typeof LinkQuery>;
      const b = createQueryBuilder('SELECT * FROM isrc_work_links WHERE true');
      if (q.isrc !== undefined) b.text(` AND isrc = ${b.bind(parseIsrc(q.isrc))}`);
      if (q.workId !== undefined) b.text(` AND work_id = ${b.bind(q.workId)}`);
      if (q.conflict !== undefined) b.text(` AND conflict = ${b.bind(q.conflict)}`);
      scopeWorks(b, request.principal, 'work_id');
      return loadPage(
        store,
        b.build(),
        q,
        { isrc: 'isrc', workId: 'work_id', lastSeen: 'last_seen', confidence: 'confidence' },
        'isrc',
        'isrc, work_id, source, source_ref',
        toJsonRow,
      );
    },
  );
};
