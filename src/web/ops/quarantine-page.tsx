import { useState } from 'react';
import type { Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import type { QuarantinedLine } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';

/** The quarantine, read-only: every input line set aside at ingest with its file, line, code and reason. */
export function QuarantinePage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [code, setCode] = useState('');
  const lines = useLoad(
    (c) => c.get<Page<QuarantinedLine>>('/quarantine', { limit: 500, code: code || undefined }),
    [code],
  );
  return (
    <section aria-labelledby="quarantine-h">
      <h1 id="quarantine-h">{t('quarantine.heading')}</h1>
      <p>{t('quarantine.intro')}</p>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setCode(draft.trim());
        }}
      >
        <label>
          {t('quarantine.filterCode')} <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Show loaded={lines}>
        {(page) => (
          <DataTable
            caption={t('common.of', { shown: page.items.length, total: page.total })}
            rows={page.items}
            rowKey={(l) => `${l.fileId}/${l.lineNo}/${l.code}/${l.reason}`}
            columns={[
              {
                header: t('quarantine.file'),
                cell: (l) => <span title={l.fileId}>{l.path.split('/').pop()}</span>,
              },
              { header: t('quarantine.line'), cell: (l) => l.lineNo, numeric: true },
              { header: t('quarantine.record'), cell: (l) => l.recordType ?? '—' },
              { header: t('quarantine.code'), cell: (l) => <code>{l.code}</code> },
              { header: t('quarantine.reason'), cell: (l) => l.reason },
              {
                header: t('quarantine.raw'),
                cell: (l) =>
                  l.raw ? (
                    <code className="raw">{l.raw.length > 80 ? `${l.raw.slice(0, 80)}…` : l.raw}</code>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Show>
    </section>
  );
}
