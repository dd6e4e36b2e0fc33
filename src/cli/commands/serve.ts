import { Option, type Command } from 'commander';
import {
  appendAuditEvent,
  buildApi,
  createApiKey,
  createUser,
  listApiKeys,
  listAuditEvents,
  listUsers,
  revokeApiKey,
  revokeUser,
  verifyAuditTrail,
} from '../../api/index.js';
import { TuttiError } from '../../domain/index.js';
import { action } from '../command.js';
import { EXIT } from '../exit-codes.js';

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new TuttiError('USAGE', `${flag} must be a positive whole number, not "${text}"`, { field: flag });
  return n;
}

/** `tutti serve`, `tutti users`, `tutti keys`, `tutti audit`: the HTTP API and who may use it. */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI at /openapi.json) on the store until interrupted')
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--rate-limit <n>', 'requests per key per minute', '600')
    .option('--log', 'log each request (JSON lines on stdout)', false)
    .action(
      action(async (ctx, opts: { port: string; host: string; rateLimit: string; log: boolean }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new TuttiError('USAGE', `--port must be 0..65535, not "${opts.port}"`);
        const max = positiveInt(opts.rateLimit, '--rate-limit');
        await ctx.withStore(async (store) => {
          const app = await buildApi({
            store,
            now: ctx.now,
            version: ctx.codeVersion,
            logger: opts.log,
            rateLimit: { max, timeWindowMs: 60_000 },
          });
          const url = await app.listen({ port, host: opts.host });
          process.stderr.write(
            `tutti API on ${url} (OpenAPI: ${url}/openapi.json; store ${ctx.db}); Ctrl-C to stop\n`,
          );
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await app.close();
        });
      }),
    );

  const users = program.command('users').description('API users and their roles');
  users
    .command('create')
    .description('create a user (admin, operator, member, partner or service)')
    .requiredOption('--name <name>', 'unique name')
    .addOption(
      new Option('--role <role>', 'role')
        .choices(['admin', 'operator', 'member', 'partner', 'service'])
        .makeOptionMandatory(),
    )
    .option('--party <partyId>', 'member: the parties.party_id they are')
    .option('--service <sender>', 'service: the sender (DPID or name) of its reports')
    .option('--society <code>', 'partner: society code or mandator party id')
    .action(
      action(
        async (
          ctx,
          opts: { name: string; role: string; party?: string; service?: string; society?: string },
        ) => {
          const user = await ctx.withStore(async (store) => {
            const created = await createUser(
              store,
              {
                name: opts.name,
                role: opts.role,
                partyId: opts.party,
                service: opts.service,
                society: opts.society,
              },
              ctx.now,
            );
            await appendAuditEvent(
              store,
              {
                actor: 'cli:users',
                action: 'create',
                resource: `users/${created.userId}`,
                detail: { name: created.name, role: created.role },
              },
              ctx.now,
            );
            return created;
          });
          ctx.result(
            { user },
            () =>
              `${user.userId} ${user.name} (${user.role}); give it a key with \`tutti keys create --user ${user.userId}\``,
          );
        },
      ),
    );
  users
    .command('list')
    .description('list users')
    .action(
      action(async (ctx) => {
        const list = await ctx.withStore((store) => listUsers(store));
        ctx.result(
          { users: list },
          () =>
            list
              .map(
                (u) =>
                  `${u.userId}  ${u.name.padEnd(16)} ${u.role.padEnd(9)} ${u.partyId ?? u.service ?? u.society ?? ''}${u.revokedAt ? `  revoked ${u.revokedAt}` : ''}`,
              )
              .join('\n') || 'no users',
        );
      }),
    );
  users
    .command('revoke <userId>')
    .description('revoke a user and all of their keys')
    .action(
      action(async (ctx, userId: string) => {
        const user = await ctx.withStore(async (store) => {
          const revoked = await revokeUser(store, userId, ctx.now);
          await appendAuditEvent(
            store,
            { actor: 'cli:users', action: 'revoke', resource: `users/${userId}` },
            ctx.now,
          );
          return revoked;
        });
        ctx.result({ user }, () => `${user.userId} revoked at ${user.revokedAt ?? ''}`);
      }),
    );

  const keys = program.command('keys').description('API keys (stored hashed; the secret is shown once)');
  keys
    .command('create')
    .description('create a key for a user; prints the secret once')
    .requiredOption('--user <userId>', 'the user')
    .option('--expires-days <n>', 'days until it expires (default: never)')
    .action(
      action(async (ctx, opts: { user: string; expiresDays?: string }) => {
        const expiresAt =
          opts.expiresDays === undefined
            ? null
            : new Date(ctx.now().getTime() + positiveInt(opts.expiresDays, '--expires-days') * 86_400_000);
        const key = await ctx.withStore(async (store) => {
          const created = await createApiKey(store, { userId: opts.user, expiresAt }, ctx.now);
          await appendAuditEvent(
            store,
            {
              actor: 'cli:keys',
              action: 'create',
              resource: `keys/${created.keyId}`,
              detail: { userId: created.userId, expiresAt: created.expiresAt },
            },
            ctx.now,
          );
          return created;
        });
        ctx.info('the secret is shown only now: store it safely');
        ctx.result(
          { key },
          () =>
            `${key.token}\n(key ${key.keyId} for ${key.userId}${key.expiresAt ? `, expires ${key.expiresAt}` : ''}; send as "Authorization: Bearer <key>")`,
        );
      }),
    );
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .option('--user <userId>', 'only this user’s')
    .action(
      action(async (ctx, opts: { user?: string }) => {
        const list = await ctx.withStore((store) => listApiKeys(store, opts.user));
        ctx.result(
          { keys: list },
          () =>
            list
              .map(
                (k) =>
                  `${k.keyId}  ${k.userId}  created ${k.createdAt}${k.expiresAt ? `  expires ${k.expiresAt}` : ''}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`,
              )
              .join('\n') || 'no keys',
        );
      }),
    );
  keys
    .command('revoke <keyId>')
    .description('revoke a key at once')
    .action(
      action(async (ctx, keyId: string) => {
        const key = await ctx.withStore(async (store) => {
          const revoked = await revokeApiKey(store, keyId, ctx.now);
          await appendAuditEvent(
            store,
            { actor: 'cli:keys', action: 'revoke', resource: `keys/${keyId}` },
            ctx.now,
          );
          return revoked;
        });
        ctx.result({ key }, () => `${key.keyId} revoked at ${key.revokedAt ?? ''}`);
      }),
    );

  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('list')
    .description('list audit entries, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--actor <id>', 'only this actor')
    .option('--resource <prefix>', 'only resources starting with this')
    .action(
      action(async (ctx, opts: { limit: string; actor?: string; resource?: string }) => {
        const limit = positiveInt(opts.limit, '--limit');
        const events = await ctx.withStore((store) =>
          listAuditEvents(store, { limit, order: 'desc', actor: opts.actor, resourcePrefix: opts.resource }),
        );
        ctx.result(
          { events },
          () =>
            events
              .map(
                (e) =>
                  `${String(e.seq).padStart(6)} ${e.at} ${e.actor.padEnd(18)} ${e.action.padEnd(7)} ${e.resource}`,
              )
              .join('\n') || 'no entries',
        );
      }),
    );
  audit
    .command('verify')
    .description('recompute the hash chain; exit 1 if an entry was changed or removed')
    .action(
      action(async (ctx) => {
        const result = await ctx.withStore((store) => verifyAuditTrail(store));
        ctx.result(result, () =>
          result.ok
            ? `audit trail intact: ${result.entries} entries, head ${result.headSeq} ${result.headHash}`
            : `audit trail BROKEN at entry ${result.problem?.seq}: ${result.problem?.reason}`,
        );
        return result.ok ? EXIT.OK : EXIT.FAILURE;
      }),
    );
}
