import { useI18n } from '../lib/i18n.js';
import { formatShare } from '../lib/money.js';
import { href } from '../lib/router.js';
import type { WorkDetail } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';
import { UsageCharts } from './usage-page.js';

/** One work: its titles, ISWCs (preferred and archived), registered shares, recordings and usage. */
export function WorkPage({ workId, withUsage }: { workId: string; withUsage: boolean }) {
  const { t, locale } = useI18n();
  const work = useLoad((c) => c.get<WorkDetail>(`/works/${encodeURIComponent(workId)}`), [workId]);
  return (
    <Show loaded={work}>
      {(w) => (
        <article aria-labelledby="work-h">
          <p>
            <a href={href('works')}>← {t('common.back')}</a>
          </p>
          <h1 id="work-h">
            {w.title} <small>{w.workId}</small>
          </h1>
          <div className="cards">
            <section className="card">
              <h2>{t('work.iswcs')}</h2>
              <ul>
                {w.iswcs.length === 0 ? (
                  <li>—</li>
                ) : (
                  w.iswcs.map((i) => (
                    <li key={i.iswc}>
                      {i.iswc} ({i.preferred ? t('work.preferred') : t('work.archived')})
                    </li>
                  ))
                )}
              </ul>
            </section>
            <section className="card">
              <h2>{t('work.titles')}</h2>
              <ul>
                {w.titles.map((x) => (
                  <li key={`${x.titleType}-${x.title}`}>
                    {x.title} <span className="tag">{x.titleType}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card">
              <h2>{t('work.performers')}</h2>
              <ul>
                {w.performers.length === 0 ? <li>—</li> : w.performers.map((p) => <li key={p}>{p}</li>)}
              </ul>
            </section>
          </div>
          <DataTable
            caption={t('work.shares')}
            rows={w.shares}
            rowKey={(s, i) => `${s.partyId}-${s.rightType}-${i}`}
            columns={[
              {
                header: t('work.party'),
                cell: (s) => `${s.name ?? s.partyId}${s.ipiNameNumber ? ` (IPI ${s.ipiNameNumber})` : ''}`,
              },
              { header: t('work.role'), cell: (s) => s.role },
              { header: t('work.right'), cell: (s) => s.rightType },
              { header: t('work.territories'), cell: (s) => s.territories },
              {
                header: t('work.ownership'),
                cell: (s) => formatShare(s.ownershipShare, locale),
                numeric: true,
              },
              {
                header: t('work.collection'),
                cell: (s) => formatShare(s.collectionShare, locale),
                numeric: true,
              },
              { header: t('work.society'), cell: (s) => s.society ?? '—' },
            ]}
          />
          <DataTable
            caption={t('work.recordings')}
            rows={w.recordings}
            rowKey={(r) => r.isrc}
            columns={[
              { header: 'ISRC', cell: (r) => r.isrc },
              { header: t('works.title'), cell: (r) => r.title ?? '—' },
              { header: t('work.performers'), cell: (r) => r.displayArtist ?? '—' },
            ]}
          />
          {withUsage && (
            <section aria-labelledby="work-usage-h">
              <h2 id="work-usage-h">{t('work.usage')}</h2>
              <UsageCharts workId={w.workId} />
            </section>
          )}
        </article>
      )}
    </Show>
  );
}
