import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TuttiError } from '../../domain/index.js';
import { importCwrFile } from '../../stages/cwr/index.js';
import { analyseDsrFile, ingestDsrFiles } from '../../stages/dsr/index.js';
import type { RegisterRoutes, RouteContext } from '../route-context.js';
import { ERROR_RESPONSES } from '../schemas.js';

const UploadQuery = Type.Object(
  { name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$', description: 'the file name as sent (DSR and CWR names carry meaning)' }) },
  { additionalProperties: false },
);

const CwrResult = Type.Object({ status: Type.String(), sha256: Type.String(), works: Type.Integer(), quarantinedLines: Type.Integer(), errors: Type.Integer() }, { additionalProperties: true });
const DsrResult = Type.Object({ status: Type.String(), lines: Type.Integer(), quarantined: Type.Integer(), report: Type.Optional(Type.String()) }, { additionalProperties: true });

/** Writes the body to a private temp folder under its own name, runs `work`, and always removes it. */
async function withUploadedFile<T>(ctx: RouteContext, name: string, body: Buffer, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(ctx.uploadDir, 'tutti-upload-'));
  try {
    const path = join(dir, name);
    await writeFile(path, body);
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function bodyOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new TuttiError('USAGE', 'send the file as the request body (Content-Type: application/octet-stream or text/plain)');
  return body;
}

/** Results carry the temp path; show the caller the name it sent instead. */
function withName<T extends { file: string }>(result: T, name: string): T {
  return { ...result, file: name };
}

/**
 * Uploads: a CWR or DSR file over HTTP goes through the very stage the CLI runs (same checks,
 * same run record, same quarantine). A refused file answers 422 with the stage's reason. A
 * service may upload only reports whose header names it as the sender.
 */
export const registerUploadRoutes: RegisterRoutes = (app, ctx) => {
  app.addContentTypeParser(['application/octet-stream', 'text/plain'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/uploads/cwr',
    {
      schema: { tags: ['uploads'], summary: 'Import a CWR file (same stage as `tutti cwr import`; audited)', querystring: UploadQuery, response: { 200: CwrResult, 422: Type.Ref('Problem'), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const { name } = request.query as Static<typeof UploadQuery>;
      const result = await withUploadedFile(ctx, name, bodyOf(request.body), (path) => importCwrFile(ctx.store, path, { now: ctx.now, codeVersion: ctx.codeVersion }));
      await ctx.audit(request, 'upload', `uploads/cwr/${name}`, { status: result.status, sha256: result.sha256, works: result.works });
      if (result.status === 'rejected') throw new TuttiError('CWR_FILE_REJECTED', `${name} was refused: ${result.reason ?? 'see the quarantine'}`, { file: name });
      return withName(result, name);
    },
  );

  app.post(
    '/uploads/dsr',
    {
      schema: { tags: ['uploads'], summary: 'Ingest a DSR file (same stage as `tutti dsr ingest`; audited)', querystring: UploadQuery, response: { 200: DsrResult, 422: Type.Ref('Problem'), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'service'] },
    },
    async (request) => {
      const { name } = request.query as Static<typeof UploadQuery>;
      const principal = request.principal;
      const result = await withUploadedFile(ctx, name, bodyOf(request.body), async (path) => {
        if (principal.role === 'service') {
          const analysis = await analyseDsrFile(ctx.store, path);
          const sender = analysis.header;
          if (!sender || (sender.senderPartyId !== principal.service && sender.senderName !== principal.service)) {
            throw new TuttiError('FORBIDDEN', `service ${principal.name} may upload only its own reports; ${name} is from ${sender ? sender.senderPartyId : 'an unknown sender'}`);
          }
        }
        return (await ingestDsrFiles(ctx.store, [path], { now: ctx.now, codeVersion: ctx.codeVersion })).files[0];
      });
      if (!result) throw new TuttiError('INTERNAL', 'the DSR stage returned no result');
      await ctx.audit(request, 'upload', `uploads/dsr/${name}`, { status: result.status, report: result.report ?? null, lines: result.lines });
      if (result.status === 'rejected') throw new TuttiError('DSR_FILE_REJECTED', `${name} was refused: ${result.reason ?? 'see the quarantine'}`, { file: name });
      return withName(result, name);
    },
  );
};
