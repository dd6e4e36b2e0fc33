import { parseCwrDate, parseSociety, type CwrTransaction } from '../../formats/cwr/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import { partyIdOf } from './work-rows.js';

/** The rows one AGR transaction becomes (migration 011), without the file column. */
export interface AgreementRows {
  readonly agreement: {
    readonly agreement_id: string;
    readonly submitter_agreement_no: string;
    readonly society_agreement_no: string | null;
    readonly isac: string | null;
    readonly agreement_type: string | null;
    readonly start_date: string | null;
    readonly end_date: string | null;
    readonly retention_end_date: string | null;
    readonly prior_royalty_status: string | null;
    readonly post_term_status: string | null;
    readonly signature_date: string | null;
    readonly number_of_works: number | null;
    readonly sales_manufacture_clause: string | null;
    readonly territories: string;
  };
  readonly parties: readonly {
    readonly role: string;
    readonly party_id: string;
    readonly name: string | null;
    readonly first_name: string | null;
    readonly pr_society: string | null;
    readonly pr_share: number;
    readonly mr_society: string | null;
    readonly mr_share: number;
    readonly sr_society: string | null;
    readonly sr_share: number;
  }[];
}

const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
const shareOf = (s: string | undefined) => (s && /^\d{1,5}$/.test(s) ? Number(s) : 0);

/**
 * Maps an AGR transaction (AGR, TER*, IPA*) to its rows (pure); undefined when the AGR has no
 * submitter agreement number to key it by.
 */
export function toAgreementRows(tx: CwrTransaction, submitter: string): AgreementRows | undefined {
  const agr = tx.records.find((r) => r.type === 'AGR');
  const number = agr?.fields['submitterAgreementNumber'];
  if (!agr || !number) return undefined;
  const f = agr.fields;
  const territories = tx.records
    .filter((r) => r.type === 'TER')
    .map(
      (r) =>
        `${r.fields['inclusionExclusion'] === 'E' ? '-' : '+'}${(r.fields['tis'] ?? '').padStart(4, '0')}`,
    )
    .join(' ');
  const works = Number(f['numberOfWorks']);
  return {
    agreement: {
      agreement_id: `${submitter}-${number}`,
      submitter_agreement_no: number,
      society_agreement_no: orNull(f['societyAgreementNumber']),
      isac: orNull(f['isac']),
      agreement_type: orNull(f['agreementType']),
      start_date: parseCwrDate(f['startDate'] ?? '') ?? null,
      end_date: parseCwrDate(f['endDate'] ?? '') ?? null,
      retention_end_date: parseCwrDate(f['retentionEndDate'] ?? '') ?? null,
      prior_royalty_status: orNull(f['priorRoyaltyStatus']),
      post_term_status: orNull(f['postTermCollectionStatus']),
      signature_date: parseCwrDate(f['signatureDate'] ?? '') ?? null,
      number_of_works: Number.isFinite(works) && f['numberOfWorks'] ? works : null,
      sales_manufacture_clause: orNull(f['salesManufactureClause']),
      territories: territories || '+2136',
    },
    parties: tx.records
      .filter((r) => r.type === 'IPA')
      .map((r, i) => {
        const x = r.fields;
        const ipi = x['ipiNameNumber'];
        return {
          role: x['agreementRole'] ?? '',
          party_id: partyIdOf(
            submitter,
            x['ipNumber'] ?? '',
            ipi && /[1-9]/.test(ipi) ? ipi.padStart(11, '0') : undefined,
            `${number}/IPA${i + 1}`,
          ),
          name: orNull(x['lastName']),
          first_name: orNull(x['firstName']),
          pr_society: parseSociety(x['prSociety'] ?? '') ?? null,
          pr_share: shareOf(x['prShare']),
          mr_society: parseSociety(x['mrSociety'] ?? '') ?? null,
          mr_share: shareOf(x['mrShare']),
          sr_society: parseSociety(x['srSociety'] ?? '') ?? null,
          sr_share: shareOf(x['srShare']),
        };
      }),
  };
}

/** Replaces the stored rows of an agreement with these (inside the caller's transaction). */
export async function storeAgreement(store: Store, rows: AgreementRows, submitter: string, fileId: string) {
  const a = rows.agreement;
  await store.run(sql`DELETE FROM cwr_agreement_parties WHERE agreement_id = ${a.agreement_id}`);
  await store.run(sql`DELETE FROM cwr_agreements WHERE agreement_id = ${a.agreement_id}`);
  await store.run(
    sql`INSERT INTO cwr_agreements VALUES (${a.agreement_id}, ${submitter}, ${a.submitter_agreement_no},
      ${a.society_agreement_no}, ${a.isac}, ${a.agreement_type}, ${a.start_date}::DATE, ${a.end_date}::DATE,
      ${a.retention_end_date}::DATE, ${a.prior_royalty_status}, ${a.post_term_status}, ${a.signature_date}::DATE,
      ${a.number_of_works}, ${a.sales_manufacture_clause}, ${a.territories}, ${fileId})`,
  );
  for (const p of rows.parties)
    await store.run(
      sql`INSERT INTO cwr_agreement_parties VALUES (${a.agreement_id}, ${p.role}, ${p.party_id}, ${p.name},
        ${p.first_name}, ${p.pr_society}, ${p.pr_share}, ${p.mr_society}, ${p.mr_share}, ${p.sr_society}, ${p.sr_share})`,
    );
}
