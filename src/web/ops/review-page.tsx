import { useState } from 'react';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { ReviewDetail, ReviewItem, WorkDetail } from '../lib/types.js';
import { useClient, useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';
import { findDecisionRoute, type Decision, type DecisionRoute } from './decision-route.js';

/** The review queue: open items, the evidence beside the proposed work, and accept/reject/reassign. */
export function ReviewPage() {
  const { t } = useI18n();
  const queue = useLoad(async (c) => {
    const [list, spec] = await Promise.all([
      c.get<{ items: ReviewItem[] }>('/review-items', { status: 'open', limit: 200 }),
      c.get<object>('/openapi.json'),
    ]);
    return { items: list.items, route: findDecisionRoute(spec) };
  }, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="review-h">
      <h1 id="review-h">{t('review.heading')}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <Show loaded={queue}>
        {({ items, route }) => {
          if (items.length === 0) return <p className="empty">{t('review.empty')}</p>;
          const current = items.find((m) => m.reviewId === selected) ?? items[0]!;
          return (
            <>
              {!route && (
                <p className="notice" data-testid="no-decision-route">
                  {t('review.noRoute')}
                </p>
              )}
              <DataTable
                caption={t('common.of', { shown: items.length, total: items.length })}
                rows={items}
                rowKey={(m) => m.reviewId}
                columns={[
                  {
                    header: t('works.title'),
                    cell: (m) => (
                      <button
                        type="button"
                        className="link"
                        aria-pressed={m.reviewId === current.reviewId}
                        onClick={() => setSelected(m.reviewId)}
                      >
                        {m.title ?? m.dspResourceId ?? m.reviewId}
                      </button>
                    ),
                  },
                  { header: t('work.performers'), cell: (m) => m.artists ?? '—' },
                  { header: 'ISRC', cell: (m) => m.isrc ?? '—' },
                  { header: t('review.method'), cell: (m) => m.method },
                  { header: t('review.reason'), cell: (m) => m.reason },
                  { header: t('review.score'), cell: (m) => m.score, numeric: true },
                  {
                    header: t('overclaims.report'),
                    cell: (m) => <a href={href('reports', m.reportId)}>{m.reportId}</a>,
                  },
                ]}
              />
              <ReviewCard
                key={current.reviewId}
                item={current}
                route={route}
                onDecided={(d) => {
                  setNotice(t('review.done', { decision: t(`review.${d}`) }));
                  setSelected(null);
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

/** One item: as reported (with the engine's evidence) beside the proposed work, and the decision buttons. */
function ReviewCard({
  item,
  route,
  onDecided,
}: {
  item: ReviewItem;
  route: DecisionRoute | null;
  onDecided: (d: Decision) => void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [workId, setWorkId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detail = useLoad(
    (c) => c.get<ReviewDetail>(`/review-items/${encodeURIComponent(item.reviewId)}`),
    [item.reviewId],
  );
  const work = useLoad(
    async (c) =>
      item.proposedWorkId ? c.get<WorkDetail>(`/works/${encodeURIComponent(item.proposedWorkId)}`) : null,
    [item.proposedWorkId],
  );
  const decide = async (d: Decision) => {
    if (!route) return;
    setError(null);
    setBusy(true);
    try {
      await client.post(
        route.path(d, item),
        route.body(d, d === 'reassign' ? workId.trim() : item.proposedWorkId),
      );
      onDecided(d);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="side-by-side" aria-label={t('review.evidence')} data-testid="review-card">
      <section className="card">
        <h2>{t('review.reported')}</h2>
        <dl>
          <div>
            <dt>{t('works.title')}</dt>
            <dd>{item.title ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('work.performers')}</dt>
            <dd>{item.artists ?? '—'}</dd>
          </div>
          <div>
            <dt>ISRC</dt>
            <dd>{item.isrc ?? '—'}</dd>
          </div>
          <div>
            <dt>DSP ID</dt>
            <dd>{item.dspResourceId ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('review.method')}</dt>
            <dd>
              {item.method} · {t('review.score')} {item.score}/1000 · {item.reason}
            </dd>
          </div>
          <div>
            <dt>{t('review.evidence')}</dt>
            <dd>
              <Show loaded={detail}>{(d) => <Evidence value={d.evidence} />}</Show>
            </dd>
          </div>
        </dl>
        <Show loaded={detail}>
          {(d) =>
            d.decisions.length > 0 && (
              <>
                <h3>{t('review.decisions')}</h3>
                <ul>
                  {d.decisions.map((x) => (
                    <li key={x.decisionId}>
                      {x.decidedAt.slice(0, 10)} {x.decision} {x.workId ?? ''} ({x.who})
                      {x.why ? `: ${x.why}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </Show>
      </section>
      <section className="card">
        <h2>{t('review.candidate')}</h2>
        <Show loaded={work}>
          {(w) =>
            w === null ? (
              <p>{t('review.noCandidate')}</p>
            ) : (
              <dl>
                <div>
                  <dt>{t('works.title')}</dt>
                  <dd>
                    <a href={href('works', w.workId)}>{w.title}</a> ({w.workId})
                  </dd>
                </div>
                <div>
                  <dt>ISWC</dt>
                  <dd>{w.iswc ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('work.party')}</dt>
                  <dd>{[...new Set(w.shares.map((s) => s.name ?? s.partyId))].join(', ') || '—'}</dd>
                </div>
                <div>
                  <dt>{t('work.performers')}</dt>
                  <dd>{w.performers.join(', ') || '—'}</dd>
                </div>
                <div>
                  <dt>{t('work.recordings')}</dt>
                  <dd>{w.recordings.map((r) => `${r.isrc} ${r.displayArtist ?? ''}`).join(', ') || '—'}</dd>
                </div>
              </dl>
            )
          }
        </Show>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!route || busy || item.proposedWorkId === null}
            onClick={() => void decide('accept')}
          >
            {t('review.accept')}
          </button>
          <button type="button" disabled={!route || busy} onClick={() => void decide('reject')}>
            {t('review.reject')}
          </button>
          <label>
            {t('review.reassignTo')}{' '}
            <input
              value={workId}
              onChange={(e) => setWorkId(e.target.value)}
              size={14}
              disabled={!route || busy}
            />
          </label>
          <button
            type="button"
            disabled={!route || busy || workId.trim() === ''}
            onClick={() => void decide('reassign')}
          >
            {t('review.reassign')}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
