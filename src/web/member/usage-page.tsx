import { useI18n } from '../lib/i18n.js';
import { formatMoney } from '../lib/money.js';
import type { StatementLine } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { BarChart, Show } from '../ui/parts.js';
import { groupLines, loadAllStatementLines } from './statement-lines.js';

const period = (l: StatementLine) => (l.periodStart ? l.periodStart.slice(0, 7) : '—');

/** Usage charts (by service, territory, period) over the caller's statement lines, optionally one work's. */
export function UsageCharts({ workId }: { workId?: string }) {
  const { t, locale } = useI18n();
  const lines = useLoad((c) => loadAllStatementLines(c), []);
  return (
    <Show loaded={lines}>
      {(all) => {
        const mine = workId === undefined ? all : all.filter((l) => l.workId === workId);
        if (mine.length === 0) return <p className="empty">{t('common.none')}</p>;
        const views = [
          { title: t('usage.byService'), groups: groupLines(mine, (l) => l.service ?? '—') },
          { title: t('usage.byTerritory'), groups: groupLines(mine, (l) => l.territory ?? '—') },
          {
            title: t('usage.byPeriod'),
            groups: groupLines(mine, period).sort((a, b) => a.label.localeCompare(b.label)),
          },
        ];
        return (
          <div className="charts">
            {views.map((v) => (
              <div key={v.title} className="chart-pair">
                <BarChart
                  title={`${v.title} — ${t('usage.usages')}`}
                  data={v.groups.map((g) => ({ label: g.label, value: g.usages }))}
                  format={(n) => n.toLocaleString(locale)}
                />
                <BarChart
                  title={`${v.title} — ${t('usage.net')}`}
                  data={v.groups.map((g) => ({ label: g.label, value: g.net }))}
                  format={(n) => formatMoney(n.toString(), locale)}
                />
              </div>
            ))}
          </div>
        );
      }}
    </Show>
  );
}

/** The member's usage over all their works. */
export function UsagePage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="usage-h">
      <h1 id="usage-h">{t('usage.heading')}</h1>
      <p>{t('usage.intro')}</p>
      <UsageCharts />
    </section>
  );
}
