import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  createMatchOptions,
  decideReview,
  exportLinks,
  exportMatches,
  importLinks,
  listReviewItems,
  showReviewItem,
} from '../../matching/index.js';
import { runIdentifyStage } from '../../stages/identify/index.js';
import { recordRun } from '../../warehouse/index.js';
import { action } from '../command.js';

const int = (v: string) => Number.parseInt(v, 10);
// Who decides: --who, else the login name at the edge (never read below the CLI).
const whoami = (who: string | undefined) =>
  who ??
  (() => {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  })();

/** `tutti identify`, `tutti review …`, `tutti links …`, `tutti matches export` (issue 5). */
export function registerIdentifyCommands(program: Command): void {
  program
    .command('identify')
    .description('identify the resources of complete reports: ISWC/work id, ISRC links, decisions, metadata')
    .option('--report <id>', 'one report')
    .option('--period <p>', 'reports whose period lies in P (YYYY-MM, YYYY-Qn, YYYY)')
    .option('--accept <n>', 'acceptance threshold 0..1000', '900')
    .option('--review <n>', 'review threshold 0..1000', '700')
    .action(
      action(async (ctx, opts: { report?: string; period?: string; accept: string; review: string }) => {
        const options = createMatchOptions({ accept: int(opts.accept), review: int(opts.review) });
        const out = await ctx.withStore((store) =>
          runIdentifyStage(store, {
            ...(opts.report !== undefined ? { reportId: opts.report } : {}),
            ...(opts.period !== undefined ? { period: opts.period } : {}),
            options,
            codeVersion: ctx.codeVersion,
            now: ctx.now,
            onProgress: (step) => {
              if (!step.includes(':')) ctx.info(`identify: ${step}`);
            },
          }),
        );
        ctx.result({ run: out.runId, reports: out.reports, totals: out.totals }, () =>
          [
            ...out.reports.map(
              (r) =>
                `${r.report}: ${r.resources} resources, ${r.accepted} accepted, ${r.review} to review, ${r.unidentified} unidentified; ` +
                `${r.usages_identified_pct}% of usages identified (${Object.entries(r.by_method)
                  .map(([m, n]) => `${m} ${n}`)
                  .join(', ')})`,
            ),
            `${out.totals.reports} report(s), ${out.totals.accepted}/${out.totals.resources} accepted, ${out.totals.review} to review (${out.runId})`,
          ].join('\n'),
        );
      }),
    );

  const review = program
    .command('review')
    .description('the review queue: matches the engine could not decide alone');
  review
    .command('list')
    .option('--status <s>', 'open | decided | closed | all', 'open')
    .option('--limit <n>', 'how many', '100')
    .action(
      action(async (ctx, opts: { status: string; limit: string }) => {
        const items = await ctx.withStore((store) =>
          listReviewItems(store, { status: opts.status, limit: int(opts.limit) }),
        );
        ctx.result({ items }, () =>
          items.length === 0
            ? 'nothing to review'
            : items
                .map(
                  (i) =>
                    `${i.review_id.padEnd(9)} ${i.reason.padEnd(20)} ${String(i.score).padStart(4)} ${i.proposed_work_id ?? '-'}  ${i.title ?? ''} / ${i.artists ?? ''}`,
                )
                .join('\n'),
        );
      }),
    );
  review.command('show <id>').action(
    action(async (ctx, id: string) => {
      const item = await ctx.withStore((store) => showReviewItem(store, id));
      ctx.result(item, () =>
        [
          `${item.review_id} (${item.status}): ${item.title ?? ''} / ${item.artists ?? ''}  isrc ${item.isrc ?? '-'}  report ${item.report_id}`,
          `proposed ${item.proposed_work_id ?? '-'} by ${item.method}, score ${item.score}, reason ${item.reason}`,
          ...item.candidates.map((c) => `  candidate ${c.work_id} ${c.iswc ?? ''} ${c.title}`),
          `evidence ${JSON.stringify(item.evidence)}`,
          ...item.decisions.map(
            (d) => `  ${d.decision_id} ${d.decision} ${d.work_id ?? ''} by ${d.who}: ${d.why ?? ''}`,
          ),
        ].join('\n'),
      );
    }),
  );
  for (const decision of ['accept', 'reject'] as const) {
    review
      .command(`${decision} <id>`)
      .option('--who <name>', 'who decides (default: the login name)')
      .option('--why <text>', 'the reason, kept with the decision')
      .action(
        action(async (ctx, id: string, opts: { who?: string; why?: string }) => {
          const d = await ctx.withStore((store) =>
            decideReview(store, {
              reviewId: id,
              decision,
              who: whoami(opts.who),
              ...(opts.why !== undefined ? { why: opts.why } : {}),
              now: ctx.now(),
            }),
          );
          ctx.result(
            d,
            () =>
              `${d.decision_id}: ${id} ${decision}ed${d.work_id ? ` (${d.work_id})` : ''}; run "tutti identify" to apply it`,
          );
        }),
      );
  }
  review
    .command('reassign <id> <work>')
    .option('--who <name>', 'who decides (default: the login name)')
    .option('--why <text>', 'the reason, kept with the decision')
    .action(
      action(async (ctx, id: string, work: string, opts: { who?: string; why?: string }) => {
        const d = await ctx.withStore((store) =>
          decideReview(store, {
            reviewId: id,
            decision: 'reassign',
            workId: work,
            who: whoami(opts.who),
            ...(opts.why !== undefined ? { why: opts.why } : {}),
            now: ctx.now(),
          }),
        );
        ctx.result(
          d,
          () => `${d.decision_id}: ${id} reassigned to ${work}; run "tutti identify" to apply it`,
        );
      }),
    );

  const links = program
    .command('links')
    .description('the ISRC–work link registry, exchanged with partner societies as CSV');
  links
    .command('export')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--conflicts', 'only conflicting links', false)
    .action(
      action(async (ctx, opts: { out: string; conflicts: boolean }) => {
        const n = await ctx.withStore((store) =>
          exportLinks(store, opts.out, { conflictsOnly: opts.conflicts }),
        );
        ctx.result({ file: opts.out, links: n }, () => `${n} links written to ${opts.out}`);
      }),
    );
  links
    .command('import <file>')
    .option('--partner <name>', 'the partner society the file comes from (default: the file name)')
    .action(
      action(async (ctx, file: string, opts: { partner?: string }) => {
        const out = await ctx.withStore((store) =>
          recordRun(
            store,
            {
              stage: 'links-import',
              params: { file, partner: opts.partner ?? basename(file) },
              codeVersion: ctx.codeVersion,
              now: ctx.now(),
            },
            ctx.now,
            async (runId) => {
              const r = await importLinks(store, {
                path: file,
                partner: opts.partner ?? basename(file),
                runId,
                now: ctx.now(),
              });
              return { ...r, counts: { rows: r.rows, added: r.added, rejected: r.rejected } };
            },
          ),
        );
        ctx.result(
          { run: out.runId, file, rows: out.rows, added: out.added, rejected: out.rejected },
          () =>
            `${file}: ${out.rows} rows, ${out.added} links added, ${out.rejected} rejected (quarantined) (${out.runId})`,
        );
      }),
    );

  program
    .command('matches')
    .description('identification results')
    .command('export')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--report <id>', 'one report')
    .action(
      action(async (ctx, opts: { out: string; report?: string }) => {
        const n = await ctx.withStore((store) =>
          exportMatches(store, opts.out, opts.report !== undefined ? { reportId: opts.report } : {}),
        );
        ctx.result({ file: opts.out, rows: n }, () => `${n} resources written to ${opts.out}`);
      }),
    );
}
