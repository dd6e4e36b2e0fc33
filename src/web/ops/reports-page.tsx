import { useState } from 'react';
import type { Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Report, ReportDetail } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';

/** Share of `part` in `whole` as a percentage with one decimal (counts, not money). */
function rate(part: string | undefined, whole: bigint, locale: string): string {
  if (whole === 0n) return '—';
  const tenths = (BigInt(part ?? '0') * 1000n) / whole;
  return `${tenths / 10n}${locale.startsWith('fr') ? ',' : '.'}${tenths % 10n}\u00a0%`;
}

function totalMatches(d: ReportDetail): bigint {
  return Object.values(d.matches).reduce((a, n) => a + BigInt(n), 0n);
}

/** Reports received, filtered by service, territory and status, with the identification rate of each. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState({ service: '', territory: '', status: '' });
  const reports = useLoad(
    async (c) => {
      const page = await c.get<Page<Report>>('/reports', {
        limit: 100,
        sort: 'periodStart',
        order: 'desc',
        service: filter.service || undefined,
        territory: filter.territory || undefined,
        status: filter.status || undefined,
      });
      const details = await Promise.all(
        page.items.map((r) => c.get<ReportDetail>(`/reports/${encodeURIComponent(r.reportId)}`)),
      );
      return { total: page.total, items: details };
    },
    [filter],
  );
  // The form edits a draft; the list reloads when it is submitted (not at every key stroke).
  const [draft, setDraft] = useState(filter);
  const set = (k: keyof typeof filter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  return (
    <section aria-labelledby="reports-h">
      <h1 id="reports-h">{t('reports.heading')}</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({
            service: draft.service.trim(),
            territory: draft.territory.trim(),
            status: draft.status,
          });
        }}
      >
        <label>
          {t('reports.filterService')} <input value={draft.service} onChange={set('service')} />
        </label>
        <label>
          {t('reports.filterTerritory')}{' '}
          <input value={draft.territory} onChange={set('territory')} size={8} />
        </label>
        <label>
          {t('reports.filterStatus')}{' '}
          <select value={draft.status} onChange={set('status')}>
            <option value="">{t('reports.any')}</option>
            <option value="complete">complete</option>
            <option value="waiting-parts">waiting-parts</option>
          </select>
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Show loaded={reports}>
        {(page) => (
          <DataTable
            caption={t('common.of', { shown: page.items.length, total: page.total })}
            rows={page.items}
            rowKey={(r) => r.reportId}
            columns={[
              { header: 'ID', cell: (r) => <a href={href('reports', r.reportId)}>{r.reportId}</a> },
              { header: t('reports.service'), cell: (r) => r.service },
              { header: t('reports.territory'), cell: (r) => r.territory },
              { header: t('reports.period'), cell: (r) => `${r.periodStart} → ${r.periodEnd}` },
              {
                header: t('reports.status'),
                cell: (r) => <span className={`tag status-${r.status}`}>{r.status}</span>,
              },
              {
                header: t('reports.parts'),
                cell: (r) => `${r.partsReceived}/${r.partsExpected}`,
                numeric: true,
              },
              { header: t('reports.lines'), cell: (r) => r.usageLines, numeric: true },
              {
                header: t('reports.identified'),
                cell: (r) => rate(r.matches['accepted'], totalMatches(r), locale),
                numeric: true,
              },
              { header: t('reports.review'), cell: (r) => r.matches['review'] ?? '0', numeric: true },
              {
                header: t('reports.unidentified'),
                cell: (r) => r.matches['unidentified'] ?? '0',
                numeric: true,
              },
            ]}
          />
        )}
      </Show>
    </section>
  );
}

/** One report: its status and identification counts. */
export function ReportPage({ reportId }: { reportId: string }) {
  const { t, locale } = useI18n();
  const report = useLoad((c) => c.get<ReportDetail>(`/reports/${encodeURIComponent(reportId)}`), [reportId]);
  return (
    <Show loaded={report}>
      {(r) => (
        <article aria-labelledby="report-h">
          <p>
            <a href={href('reports')}>← {t('common.back')}</a>
          </p>
          <h1 id="report-h">{r.reportId}</h1>
          <dl className="totals">
            <div>
              <dt>{t('reports.sender')}</dt>
              <dd>{r.senderName ?? r.sender}</dd>
            </div>
            <div>
              <dt>{t('reports.service')}</dt>
              <dd>{r.service}</dd>
            </div>
            <div>
              <dt>{t('reports.territory')}</dt>
              <dd>{r.territory}</dd>
            </div>
            <div>
              <dt>{t('reports.period')}</dt>
              <dd>
                {r.periodStart} → {r.periodEnd}
              </dd>
            </div>
            <div>
              <dt>{t('reports.status')}</dt>
              <dd>
                {r.status} ({r.partsReceived}/{r.partsExpected})
              </dd>
            </div>
            <div>
              <dt>{t('reports.lines')}</dt>
              <dd>{r.usageLines}</dd>
            </div>
            <div>
              <dt>{t('reports.identified')}</dt>
              <dd>{rate(r.matches['accepted'], totalMatches(r), locale)}</dd>
            </div>
            <div>
              <dt>{t('reports.review')}</dt>
              <dd>
                <a href={href('review')}>{r.matches['review'] ?? '0'}</a>
              </dd>
            </div>
            <div>
              <dt>{t('reports.unidentified')}</dt>
              <dd>{r.matches['unidentified'] ?? '0'}</dd>
            </div>
          </dl>
        </article>
      )}
    </Show>
  );
}
