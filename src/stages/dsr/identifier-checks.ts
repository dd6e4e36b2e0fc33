import { checkDpid } from '../../domain/index.js';
import type { DsrHeader } from '../../formats/dsr/index.js';
import type { Store } from '../../warehouse/index.js';
import type { DsrIssues } from './dsr-issue.js';

/**
 * HEAD party ids that are not valid DPIDs (standards.md §1.10: real files carry dummy DPIDs). The
 * meaning stays clear (the id is used as written), so each is a warning.
 */
export function checkHeaderParties(header: DsrHeader, issues: DsrIssues): void {
  for (const [name, value] of [['SenderPartyId', header.senderPartyId], ['RecipientPartyId', header.recipientPartyId]] as const) {
    if (value === '') continue;
    const check = checkDpid(value);
    if (!check.ok) issues.warning('DSR_BAD_DPID', `HEAD ${name} "${value}" is not a valid DPID (${check.reason}): kept as written`, 1);
  }
}

/** GS1 check over a digit string in SQL: weights 3,1,3... from the digit left of the check digit. */
const GS1_OK = `(list_sum([(ascii(icpn[i]) - 48) * CASE WHEN (len(icpn) - i) % 2 = 1 THEN 3 ELSE 1 END FOR i IN range(1, len(icpn))])
  + ascii(icpn[len(icpn)]) - 48) % 10 = 0`;

/**
 * Release ICPNs (UPC/EAN) that are not 12–14 digits or fail the GS1 check digit: warnings, kept as
 * written, at most 51 per file of the batch (`issuesOf(f)`: the issues of file `f`).
 */
export async function checkReleaseIcpns(store: Store, issuesOf: (f: number) => DsrIssues): Promise<void> {
  // Each distinct ICPN is checked once (a release repeats in many blocks and files); checking
  // `any_value(icpn)` keeps DuckDB from pushing the check below the grouping.
  const bad = await store.all<{ f: number; line_no: bigint; icpn: string }>(`SELECT f, line_no, icpn FROM dsr_t_releases
    WHERE icpn IN (SELECT icpn FROM (SELECT any_value(icpn) AS icpn FROM dsr_t_releases WHERE icpn IS NOT NULL GROUP BY icpn)
      WHERE NOT (regexp_full_match(icpn, '[0-9]{12,14}') AND ${GS1_OK}))
    QUALIFY row_number() OVER (PARTITION BY f ORDER BY line_no) <= 51 ORDER BY f, line_no`);
  for (const b of bad) issuesOf(b.f).warning('DSR_BAD_ICPN', `ICPN "${b.icpn}" is not a UPC/EAN with a valid GS1 check digit: kept as written`, Number(b.line_no));
}
