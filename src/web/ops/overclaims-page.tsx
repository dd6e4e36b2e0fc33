import type { Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import { href } from '../lib/router.js';
import type { Invoice } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Money, Show } from '../ui/parts.js';

/** Invoices that hold money back because the shares claimed on a work went over 100 %. */
export function OverclaimsPage() {
  const { t } = useI18n();
  const invoices = useLoad(
    async (c) =>
      (await c.get<Page<Invoice>>('/invoices', { limit: 1000 })).items.filter(
        (i) => BigInt(i.heldOverclaim) !== 0n,
      ),
    [],
  );
  return (
    <section aria-labelledby="over-h">
      <h1 id="over-h">{t('overclaims.heading')}</h1>
      <p>{t('overclaims.intro')}</p>
      <Show loaded={invoices}>
        {(rows) => (
          <DataTable
            caption={t('overclaims.heading')}
            rows={rows}
            rowKey={(i) => i.invoiceId}
            columns={[
              { header: t('overclaims.invoice'), cell: (i) => i.invoiceId },
              {
                header: t('overclaims.report'),
                cell: (i) => <a href={href('reports', i.reportId)}>{i.reportId}</a>,
              },
              { header: t('overclaims.amount'), cell: (i) => <Money value={i.amount} />, numeric: true },
              { header: t('overclaims.held'), cell: (i) => <Money value={i.heldOverclaim} />, numeric: true },
              { header: t('reports.status'), cell: (i) => i.status },
            ]}
          />
        )}
      </Show>
    </section>
  );
}
