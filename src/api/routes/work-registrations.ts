import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { parseIswc, TuttiError, type OwnershipShares, type WorkRegistration } from '../../domain/index.js';
import { formatCwrLines, readCwr, validateTransaction, type CwrFinding } from '../../formats/cwr/index.js';
import { importCwrFile, workIdOf } from '../../stages/cwr/index.js';
import { sql } from '../../warehouse/index.js';
import type { RegisterRoutes, RouteContext } from '../route-context.js';
import { ERROR_RESPONSES, Nullable } from '../schemas.js';
import { createSerialLock } from '../serial-lock.js';

const WRITER_ROLES = ['CA', 'C', 'A', 'AR', 'AD', 'SR', 'SA', 'TR', 'PA'] as const;

const Writer = Type.Object(
  {
    lastName: Type.String({ minLength: 1, maxLength: 45 }),
    firstName: Type.Optional(Type.String({ maxLength: 30 })),
    ipiNameNumber: Type.Optional(Type.String({ pattern: '^[0-9]{1,11}$' })),
    role: Type.Union(WRITER_ROLES.map((r) => Type.Literal(r)), { description: 'CWR writer designation' }),
    share: Type.Integer({ minimum: 0, maximum: 10000, description: 'ownership of every right, hundredths of a percent (10000 = 100.00 %)' }),
  },
  { additionalProperties: false },
);

const RegistrationBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 60 }),
    iswc: Type.Optional(Type.String({ minLength: 11, maxLength: 15 })),
    writers: Type.Array(Writer, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

const Finding = Type.Object({ line: Type.Integer(), record: Type.String(), field: Type.String(), code: Type.String(), severity: Type.String(), message: Type.String() });
const Registered = Type.Object({
  workId: Type.String(),
  submitterWorkId: Type.String(),
  iswc: Nullable(Type.String()),
  cwr: Type.String({ description: 'the CWR 2.2 file that was imported (CRLF lines)' }),
  findings: Type.Array(Finding),
});

/** Submitter work numbers of web registrations: `WEB` and a sequence per submitter (CWR allows 14 characters). */
const PREFIX = 'WEB';

function ownership(share: number): OwnershipShares {
  return { performing: share, mechanical: share, sync: share } as OwnershipShares;
}

/** The CWR transaction validator's findings on the text (one transaction), and whether it was accepted. */
async function validateText(text: string): Promise<{ findings: CwrFinding[]; accepted: boolean }> {
  const findings: CwrFinding[] = [];
  let accepted = false;
  let version: '2.2' | undefined;
  for await (const batch of readCwr(Readable.from([Buffer.from(text, 'latin1')]), { fileName: 'registration.V22' })) {
    for (const item of batch) {
      if (item.kind === 'header') version = '2.2';
      else if (item.kind === 'transaction' && version) {
        const v = validateTransaction(item.transaction, version);
        findings.push(...v.findings);
        accepted = v.status !== 'rejected';
      } else if (item.kind === 'rejected' || item.kind === 'notice') findings.push(item.finding);
      else if (item.kind === 'unreadable') findings.push(item.line.finding);
    }
  }
  return { findings, accepted };
}

async function register(ctx: RouteContext, partyId: string, body: Static<typeof RegistrationBody>): Promise<Static<typeof Registered>> {
  const member = await ctx.store.one<{ ipi: string | null; pr: string | null; mr: string | null }>(
    sql`SELECT ipi_name_number AS ipi, pr_society AS pr, mr_society AS mr FROM parties WHERE party_id = ${partyId}`,
  );
  if (!member?.ipi) throw new TuttiError('USAGE', `party ${partyId} has no IPI name number: a registration needs one to name its submitter`);
  const submitter = member.ipi.padStart(11, '0');
  if (!body.writers.some((w) => w.ipiNameNumber !== undefined && w.ipiNameNumber.padStart(11, '0') === submitter)) {
    throw new TuttiError('USAGE', `the writers must include you (IPI ${submitter}): a member registers its own works`);
  }
  const total = body.writers.reduce((sum, w) => sum + w.share, 0);
  if (total !== 10000) throw new TuttiError('USAGE', `the writers' shares total ${(total / 100).toFixed(2)} %, not 100.00 %`);
  const iswc = body.iswc === undefined || body.iswc.trim() === '' ? undefined : parseIswc(body.iswc.trim());

  const last = await ctx.store.one<{ n: number }>(sql`SELECT CAST(coalesce(max(CAST(substr(work_id, ${submitter.length + PREFIX.length + 2}) AS INTEGER)), 0) AS INTEGER) AS n
    FROM works WHERE starts_with(work_id, ${`${submitter}-${PREFIX}`})`);
  const submitterWorkId = `${PREFIX}${String((last?.n ?? 0) + 1).padStart(7, '0')}`;
  const registration: WorkRegistration = {
    submitterWorkId,
    title: body.title.trim().toUpperCase(),
    ...(iswc !== undefined ? { iswc } : {}),
    alternateTitles: [],
    versionType: 'ORI',
    distributionCategory: 'POP',
    writers: body.writers.map((w, i) => {
      const own = w.ipiNameNumber !== undefined && w.ipiNameNumber.padStart(11, '0') === submitter;
      return {
        ipNumber: `W${i + 1}`,
        lastName: w.lastName.trim().toUpperCase(),
        ...(w.firstName?.trim() ? { firstName: w.firstName.trim().toUpperCase() } : {}),
        ...(w.ipiNameNumber !== undefined ? { ipiNameNumber: w.ipiNameNumber.padStart(11, '0') } : {}),
        role: w.role,
        controlled: own,
        ...(own && member.pr ? { prSociety: member.pr } : {}),
        ...(own && member.mr ? { mrSociety: member.mr } : {}),
        ownership: ownership(w.share),
        collection: own ? [{ territories: [{ include: true, tis: '2136' }], shares: ownership(w.share) }] : [],
      };
    }),
    publishers: [],
    performers: [],
    recordings: [],
  };
  const createdAt = ctx.now();
  const cwr = `${[...formatCwrLines([registration], { version: '2.2', senderType: 'WR', senderId: submitter, senderName: body.writers.find((w) => w.ipiNameNumber?.padStart(11, '0') === submitter)!.lastName.toUpperCase(), createdAt })].join('\r\n')}\r\n`;

  // The same transaction edits as `tutti cwr validate`, before anything is stored: a refused form
  // leaves no quarantine rows behind.
  const checked = await validateText(cwr);
  if (!checked.accepted) {
    const errors = checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.record}${f.field ? `.${f.field}` : ''}: ${f.message}`);
    throw new TuttiError('USAGE', `the registration does not pass the CWR edits: ${errors.join('; ')}`);
  }
  // One path into the repertoire: the CWR import stage, on the file a publisher would have sent.
  const dir = await mkdtemp(join(ctx.uploadDir, 'tutti-registration-'));
  try {
    const path = join(dir, `CW${createdAt.getUTCFullYear() % 100}${submitterWorkId}.V22`);
    await writeFile(path, cwr, 'latin1');
    const result = await importCwrFile(ctx.store, path, { now: ctx.now, codeVersion: ctx.codeVersion });
    if (result.status !== 'imported' || result.rejectedTransactions > 0 || result.works !== 1) {
      throw new TuttiError('INTERNAL', `the CWR import did not store the registration (${result.status}${result.reason ? `: ${result.reason}` : ''})`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const workId = workIdOf(submitter, submitterWorkId);
  return { workId, submitterWorkId, iswc: iswc ?? null, cwr, findings: checked.findings.map((f) => ({ ...f })) };
}

/**
 * `POST /works/registrations`: a member registers a new work (title, writers with roles and shares,
 * ISWC optional). The API writes the CWR 2.2 NWR transaction the member's publisher would send,
 * checks it with the CWR transaction validator, imports it through the CWR import stage (a recorded
 * run), and returns the new work id with the CWR text. Audited.
 */
export const registerWorkRegistrationRoutes: RegisterRoutes = (app, ctx) => {
  const lock = createSerialLock(); // one sequence number per registration
  app.post(
    '/works/registrations',
    {
      schema: { tags: ['repertoire'], summary: 'Register a new work as a CWR registration (member; audited)', body: RegistrationBody, response: { 201: Registered, ...ERROR_RESPONSES } },
      config: { allow: ['member'] },
    },
    async (request, reply) => {
      const partyId = request.principal.partyId;
      if (partyId === null) throw new TuttiError('FORBIDDEN', `${request.principal.name} is bound to no party`);
      const body = request.body as Static<typeof RegistrationBody>;
      const registered = await lock(() => register(ctx, partyId, body));
      await ctx.audit(request, 'create', `works/${registered.workId}`, { submitterWorkId: registered.submitterWorkId, writers: body.writers.length });
      return reply.status(201).send(registered);
    },
  );
};
