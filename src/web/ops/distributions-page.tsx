import type { Page } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n.js';
import { formatMoney } from '../lib/money.js';
import type { Distribution } from '../lib/types.js';
import { useLoad } from '../lib/use-api.js';
import { DataTable, Money, Show } from '../ui/parts.js';

/** collected − (paid + remitted + commission + deductions + held), exactly: zero when conserved. */
export function conservationGap(d: Distribution): bigint {
  return (
    BigInt(d.collected) -
    (BigInt(d.paid) + BigInt(d.remitted) + BigInt(d.commission) + BigInt(d.deductions) + BigInt(d.held))
  );
}

/** Distribution runs with their money and the conservation line of each. */
export function DistributionsPage() {
  const { t, locale } = useI18n();
  const runs = useLoad(
    (c) => c.get<Page<Distribution>>('/distributions', { limit: 100, sort: 'createdAt', order: 'desc' }),
    [],
  );
  return (
    <section aria-labelledby="dist-h">
      <h1 id="dist-h">{t('distributions.heading')}</h1>
      <Show loaded={runs}>
        {(page) => (
          <>
            <DataTable
              caption={t('common.of', { shown: page.items.length, total: page.total })}
              rows={page.items}
              rowKey={(d) => d.distributionId}
              columns={[
                { header: 'ID', cell: (d) => d.distributionId },
                { header: t('distributions.period'), cell: (d) => d.period },
                {
                  header: t('distributions.collected'),
                  cell: (d) => <Money value={d.collected} />,
                  numeric: true,
                },
                { header: t('distributions.paid'), cell: (d) => <Money value={d.paid} />, numeric: true },
                {
                  header: t('distributions.remitted'),
                  cell: (d) => <Money value={d.remitted} />,
                  numeric: true,
                },
                {
                  header: t('distributions.commission'),
                  cell: (d) => <Money value={d.commission} />,
                  numeric: true,
                },
                {
                  header: t('distributions.deductions'),
                  cell: (d) => <Money value={d.deductions} />,
                  numeric: true,
                },
                { header: t('distributions.held'), cell: (d) => <Money value={d.held} />, numeric: true },
              ]}
            />
            <ul className="conservation">
              {page.items.map((d) => {
                const gap = conservationGap(d);
                return (
                  <li
                    key={d.distributionId}
                    className={gap === 0n ? 'ok' : 'bad'}
                    data-testid={`conservation-${d.distributionId}`}
                  >
                    <strong>{d.distributionId}</strong> — {t('distributions.conservation')}:{' '}
                    {t('distributions.collected')} {formatMoney(d.collected, locale)} ={' '}
                    {t('distributions.paid')} {formatMoney(d.paid, locale)} + {t('distributions.remitted')}{' '}
                    {formatMoney(d.remitted, locale)} + {t('distributions.commission')}{' '}
                    {formatMoney(d.commission, locale)} + {t('distributions.deductions')}{' '}
                    {formatMoney(d.deductions, locale)} + {t('distributions.held')}{' '}
                    {formatMoney(d.held, locale)}:{' '}
                    <strong>
                      {gap === 0n
                        ? `✓ ${t('distributions.balanced')}`
                        : `✗ ${t('distributions.broken', { diff: formatMoney(gap.toString(), locale) })}`}
                    </strong>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}
