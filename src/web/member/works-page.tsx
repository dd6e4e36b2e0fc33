import { useState } from 'react';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Page } from '../lib/api-client.js';
import type { Work } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Show } from '../ui/parts.js';

/** The works the signed-in person may see (a member: those they hold shares in), searchable by title. */
export function WorksPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [title, setTitle] = useState('');
  const works = useLoad(
    (c) => c.get<Page<Work>>('/works', { limit: 200, sort: 'title', title: title || undefined }),
    [title],
  );
  return (
    <section aria-labelledby="works-h">
      <h1 id="works-h">{t('works.heading')}</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setTitle(draft.trim());
        }}
      >
        <label>
          {t('works.filter')} <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Show loaded={works}>
        {(page) => (
          <DataTable
            caption={t('common.of', { shown: page.items.length, total: page.total })}
            rows={page.items}
            rowKey={(w) => w.workId}
            columns={[
              { header: t('works.title'), cell: (w) => <a href={href('works', w.workId)}>{w.title}</a> },
              { header: t('works.iswc'), cell: (w) => w.iswc ?? '—' },
              { header: t('works.submitter'), cell: (w) => w.submitter ?? '—' },
              { header: t('works.registered'), cell: (w) => w.registeredAt ?? '—' },
            ]}
          />
        )}
      </Show>
    </section>
  );
}
