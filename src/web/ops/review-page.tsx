import { useState } from 'react';
import type { Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Match, WorkDetail } from '../lib/types.js';
import { useClient, useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';
import { findDecisionRoute, type Decision, type DecisionRoute } from './decision-route.js';

const matchKey = (m: Match) => `${m.reportId}/${m.blockId}/${m.resourceRef}`;

/** The review queue: matches waiting for a person, the evidence beside the proposed work, and the decisions. */
export function ReviewPage() {
  const { t } = useI18n();
  const queue = useLoad(async (c) => {
    const [page, spec] = await Promise.all([c.get<Page<Match>>('/review-queue', { limit: 200 }), c.get<object>('/openapi.json')]);
    return { page, route: findDecisionRoute(spec) };
  }, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="review-h">
      <h1 id="review-h">{t('review.heading')}</h1>
      {notice && <p role="status" className="notice">{notice}</p>}
      <Show loaded={queue}>
        {({ page, route }) => {
          if (page.items.length === 0) return <p className="empty">{t('review.empty')}</p>;
          const current = page.items.find((m) => matchKey(m) === selected) ?? page.items[0]!;
          return (
            <>
              {!route && <p className="notice" data-testid="no-decision-route">{t('review.noRoute')}</p>}
              <DataTable
                caption={t('common.of', { shown: page.items.length, total: page.total })}
                rows={page.items}
                rowKey={matchKey}
                columns={[
                  {
                    header: t('works.title'),
                    cell: (m) => (
                      <button type="button" className="link" aria-pressed={matchKey(m) === matchKey(current)} onClick={() => setSelected(matchKey(m))}>
                        {m.title ?? m.resourceRef}
                      </button>
                    ),
                  },
                  { header: t('work.performers'), cell: (m) => m.artists ?? '—' },
                  { header: 'ISRC', cell: (m) => m.isrc ?? '—' },
                  { header: t('review.method'), cell: (m) => m.method },
                  { header: t('review.score'), cell: (m) => m.score, numeric: true },
                  { header: t('overclaims.report'), cell: (m) => <a href={href('reports', m.reportId)}>{m.reportId}</a> },
                ]}
              />
              <ReviewItem
                key={matchKey(current)}
                match={current}
                route={route}
                onDecided={(d) => {
                  setNotice(t('review.done', { decision: t(`review.${d}`) }));
                  queue.reload();
                }}
              />
            </>
          );
        }}
      </Show>
    </section>
  );
}

function Evidence({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  if (typeof value !== 'object') return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
  return (
    <dl className="evidence">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ReviewItem({ match, route, onDecided }: { match: Match; route: DecisionRoute | null; onDecided: (d: Decision) => void }) {
  const { t } = useI18n();
  const client = useClient();
  const [workId, setWorkId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const work = useLoad(async (c) => (match.workId ? c.get<WorkDetail>(`/works/${encodeURIComponent(match.workId)}`) : null), [match.workId]);
  const decide = async (d: Decision) => {
    if (!route) return;
    setError(null);
    try {
      await client.post(route.path(d, match), route.body(d, d === 'reassign' ? workId : match.workId));
      onDecided(d);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="side-by-side" aria-label={t('review.evidence')}>
      <section className="card">
        <h2>{t('review.reported')}</h2>
        <dl>
          <div><dt>{t('works.title')}</dt><dd>{match.title ?? '—'}</dd></div>
          <div><dt>{t('work.performers')}</dt><dd>{match.artists ?? '—'}</dd></div>
          <div><dt>ISRC</dt><dd>{match.isrc ?? '—'}</dd></div>
          <div><dt>DSP ID</dt><dd>{match.dspResourceId ?? '—'}</dd></div>
          <div><dt>{t('review.method')}</dt><dd>{match.method} · {t('review.score')} {match.score}/1000</dd></div>
          <div><dt>{t('review.evidence')}</dt><dd><Evidence value={match.evidence} /></dd></div>
        </dl>
      </section>
      <section className="card">
        <h2>{t('review.candidate')}</h2>
        <Show loaded={work}>
          {(w) =>
            w === null ? (
              <p>{t('review.noCandidate')}</p>
            ) : (
              <dl>
                <div><dt>{t('works.title')}</dt><dd><a href={href('works', w.workId)}>{w.title}</a> ({w.workId})</dd></div>
                <div><dt>ISWC</dt><dd>{w.iswc ?? '—'}</dd></div>
                <div><dt>{t('work.party')}</dt><dd>{[...new Set(w.shares.map((s) => s.name ?? s.partyId))].join(', ') || '—'}</dd></div>
                <div><dt>{t('work.performers')}</dt><dd>{w.performers.join(', ') || '—'}</dd></div>
                <div><dt>{t('work.recordings')}</dt><dd>{w.recordings.map((r) => `${r.isrc} ${r.displayArtist ?? ''}`).join(', ') || '—'}</dd></div>
              </dl>
            )
          }
        </Show>
        <div className="actions">
          <button type="button" className="primary" disabled={!route} onClick={() => void decide('accept')}>
            {t('review.accept')}
          </button>
          <button type="button" disabled={!route} onClick={() => void decide('reject')}>
            {t('review.reject')}
          </button>
          <label>
            {t('review.reassignTo')} <input value={workId} onChange={(e) => setWorkId(e.target.value)} size={10} disabled={!route} />
          </label>
          <button type="button" disabled={!route || workId.trim() === ''} onClick={() => void decide('reassign')}>
            {t('review.reassign')}
          </button>
        </div>
        {error && <p role="alert" className="error">{error}</p>}
      </section>
    </div>
  );
}
