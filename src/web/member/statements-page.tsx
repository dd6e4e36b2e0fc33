import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Page } from '../lib/api-client.js';
import type { Statement } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Money, Show } from '../ui/parts.js';

/** Statements the caller may read: a member their own, operators every party's. */
export function StatementsPage() {
  const { t } = useI18n();
  const statements = useLoad(
    (c) => c.get<Page<Statement>>('/statements', { limit: 200, sort: 'distributionId', order: 'desc' }),
    [],
  );
  return (
    <section aria-labelledby="statements-h">
      <h1 id="statements-h">{t('statements.heading')}</h1>
      <Show loaded={statements}>
        {(page) => (
          <DataTable
            caption={t('common.of', { shown: page.items.length, total: page.total })}
            rows={page.items}
            rowKey={(s) => `${s.distributionId}/${s.partyId ?? s.payee ?? ''}`}
            columns={[
              {
                header: t('statements.distribution'),
                cell: (s) =>
                  s.partyId ? (
                    <a href={href('statements', s.distributionId, s.partyId)}>{s.distributionId}</a>
                  ) : (
                    s.distributionId
                  ),
              },
              { header: t('statements.party'), cell: (s) => s.partyName ?? s.partyId ?? s.payee ?? '—' },
              { header: t('statements.lines'), cell: (s) => s.lines, numeric: true },
              { header: t('statements.gross'), cell: (s) => <Money value={s.gross} />, numeric: true },
              {
                header: t('statements.commission'),
                cell: (s) => <Money value={s.commission} />,
                numeric: true,
              },
              {
                header: t('statements.deductions'),
                cell: (s) => <Money value={s.deductions} />,
                numeric: true,
              },
              { header: t('statements.net'), cell: (s) => <Money value={s.net} />, numeric: true },
            ]}
          />
        )}
      </Show>
    </section>
  );
}
