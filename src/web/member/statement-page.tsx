import { useState } from 'react';
import { ApiError, type Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { ClaimLine, ReportDetail, StatementLine } from '../lib/types.js';
import { useClient, useLoad } from '../lib/use-api.js';
import { DataTable, Money, Show } from '../ui/parts.js';
import type { StatementWithLines } from './statement-lines.js';

/** One statement: totals, its lines, the CSV and PDF downloads and the trace of a line back to its report. */
export function StatementPage({
  distributionId,
  partyId,
  staff,
}: {
  distributionId: string;
  partyId: string;
  staff: boolean;
}) {
  const { t } = useI18n();
  const client = useClient();
  const base = `/distributions/${encodeURIComponent(distributionId)}/statements/${encodeURIComponent(partyId)}`;
  const statement = useLoad((c) => c.get<StatementWithLines>(base, { limit: 1000 }), [base]);
  const [traced, setTraced] = useState<StatementLine | null>(null);
  return (
    <Show loaded={statement}>
      {(s) => (
        <article aria-labelledby="statement-h">
          <p>
            <a href={href('statements')}>← {t('common.back')}</a>
          </p>
          <h1 id="statement-h">{t('statement.heading', { distribution: s.distributionId })}</h1>
          <dl className="totals">
            <div>
              <dt>{t('statements.lines')}</dt>
              <dd>{s.lines}</dd>
            </div>
            <div>
              <dt>{t('statements.gross')}</dt>
              <dd>
                <Money value={s.gross} />
              </dd>
            </div>
            <div>
              <dt>{t('statements.commission')}</dt>
              <dd>
                <Money value={s.commission} />
              </dd>
            </div>
            <div>
              <dt>{t('statements.deductions')}</dt>
              <dd>
                <Money value={s.deductions} />
              </dd>
            </div>
            <div className="net">
              <dt>{t('statements.net')}</dt>
              <dd data-testid="statement-net">
                <Money value={s.net} />
              </dd>
            </div>
          </dl>
          <p>
            <button
              type="button"
              onClick={() =>
                void client.download(`${base}/lines.csv`, `statement-${s.distributionId}-${partyId}.csv`)
              }
            >
              {t('statement.csv')}
            </button>{' '}
            <button
              type="button"
              onClick={() =>
                void client.download(`${base}/statement.pdf`, `statement-${s.distributionId}-${partyId}.pdf`)
              }
            >
              {t('statement.pdf')}
            </button>
          </p>
          <DataTable
            caption={t('common.of', { shown: s.page.items.length, total: s.page.total })}
            rows={s.page.items}
            rowKey={(_l, i) => String(i)}
            columns={[
              {
                header: t('statement.work'),
                cell: (l) =>
                  l.workId ? <a href={href('works', l.workId)}>{l.workTitle ?? l.workId}</a> : '—',
              },
              { header: t('work.right'), cell: (l) => l.rightType ?? '—' },
              { header: t('statement.service'), cell: (l) => l.service ?? '—' },
              { header: t('statement.territory'), cell: (l) => l.territory ?? '—' },
              {
                header: t('statement.period'),
                cell: (l) => (l.periodStart ? `${l.periodStart} → ${l.periodEnd ?? ''}` : '—'),
              },
              { header: t('statement.usages'), cell: (l) => l.usages ?? '—', numeric: true },
              { header: t('statements.gross'), cell: (l) => <Money value={l.gross} />, numeric: true },
              { header: t('statements.net'), cell: (l) => <Money value={l.net} />, numeric: true },
              { header: t('statement.kind'), cell: (l) => l.lineKind },
              {
                header: t('statement.trace'),
                cell: (l, i) => (
                  <button
                    type="button"
                    className="small"
                    aria-label={t('statement.traceLine', { n: i + 1 })}
                    onClick={() => setTraced(l)}
                  >
                    {t('statement.trace')}
                  </button>
                ),
              },
            ]}
          />
          {traced && <Trace line={traced} staff={staff} />}
        </article>
      )}
    </Show>
  );
}

/** Statement line → claim line → invoice → usage report; the last steps only for staff (API roles). */
function Trace({ line, staff }: { line: StatementLine; staff: boolean }) {
  const { t } = useI18n();
  const chain = useLoad(
    async (c) => {
      if (!staff || !line.invoiceId) return null;
      const claims = await c.get<Page<ClaimLine>>('/claims', { invoiceId: line.invoiceId, limit: 1000 });
      const claim = claims.items.find((x) => x.claimId === line.claimId) ?? null;
      let report: ReportDetail | null = null;
      try {
        if (claim) report = await c.get<ReportDetail>(`/reports/${encodeURIComponent(claim.reportId)}`);
      } catch (e) {
        // A report the API refuses or no longer has leaves the chain at the claim's reference.
        if (!(e instanceof ApiError)) throw e;
      }
      return { claim, report };
    },
    [line, staff],
  );
  return (
    <section className="trace" aria-labelledby="trace-h" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 id="trace-h">{t('trace.heading')}</h2>
      <ol>
        <li>
          <strong>{t('trace.line')}</strong>: {line.workTitle ?? line.workId} · {line.rightType} ·{' '}
          {line.service} · {line.territory} · {line.periodStart} → {line.periodEnd} · {line.usages} ·{' '}
          <Money value={line.net} />
        </li>
        <li>
          <strong>{t('trace.claim')}</strong>: {line.claimId ?? '—'}
        </li>
        <li>
          <strong>{t('trace.invoice')}</strong>: {line.invoiceId ?? '—'}
        </li>
        <Show loaded={chain}>
          {(c) =>
            c === null ? (
              <li className="muted">{t('trace.restricted')}</li>
            ) : (
              <li>
                <strong>{t('trace.report')}</strong>:{' '}
                {c.report ? (
                  <a href={href('reports', c.report.reportId)}>
                    {c.report.reportId} — {c.report.service} {c.report.territory} {c.report.periodStart} →{' '}
                    {c.report.periodEnd} ({c.report.usageLines} {t('reports.lines')})
                  </a>
                ) : (
                  (c.claim?.reportId ?? '—')
                )}
                {c.claim && (
                  <>
                    {' '}
                    · {t('statement.usages')} {c.claim.usages} · <Money value={c.claim.claimedAmount} />
                  </>
                )}
              </li>
            )
          }
        </Show>
      </ol>
    </section>
  );
}
