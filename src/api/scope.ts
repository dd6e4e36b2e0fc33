import type { Principal } from './principal.js';
import type { QueryBuilder } from './query-builder.js';

/**
 * The row filters of each role, as SQL conditions appended to a `WHERE` (values bound). Admins
 * and operators get none; the narrow roles get exactly their slice. Routes refuse other roles
 * before these are reached, and an unexpected role gets `AND false` rather than everything.
 */
export function scopeWorks(b: QueryBuilder, p: Principal, workIdColumn: string): void {
  switch (p.role) {
    case 'admin':
    case 'operator':
      return;
    case 'member':
      b.text(` AND ${workIdColumn} IN (SELECT work_id FROM work_shares WHERE party_id = ${b.bind(p.partyId)})`);
      return;
    case 'partner': {
      const society = b.bind(p.society);
      b.text(` AND ${workIdColumn} IN (SELECT work_id FROM work_shares WHERE society = ${society} OR party_id = ${society})`);
      return;
    }
    default:
      b.text(' AND false');
  }
}

/** Reports: a service sees the reports it sent. */
export function scopeReports(b: QueryBuilder, p: Principal, senderColumn: string): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  if (p.role === 'service') b.text(` AND ${senderColumn} = ${b.bind(p.service)}`);
  else b.text(' AND false');
}

/** Claims and invoices: a service sees those of its reports; a partner those under its mandates. */
export function scopeClaims(b: QueryBuilder, p: Principal, reportIdColumn: string, mandateIdColumn: string | null): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  if (p.role === 'service') {
    b.text(` AND ${reportIdColumn} IN (SELECT report_id FROM reports WHERE sender = ${b.bind(p.service)})`);
  } else if (p.role === 'partner' && mandateIdColumn !== null) {
    b.text(` AND ${mandateIdColumn} IN (SELECT mandate_id FROM mandates WHERE mandator_party_id = ${b.bind(p.society)})`);
  } else {
    b.text(' AND false');
  }
}

/**
 * Statement lines: a member sees the lines of its own party; a partner society the lines remitted
 * to it (payee = its society code or mandator party id).
 */
export function scopeStatements(b: QueryBuilder, p: Principal, partyIdColumn: string, payeeColumn: string): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  if (p.role === 'member') b.text(` AND ${partyIdColumn} = ${b.bind(p.partyId)}`);
  else if (p.role === 'partner') b.text(` AND ${payeeColumn} = ${b.bind(p.society)}`);
  else b.text(' AND false');
}

/** The one party (member) or payee (partner) whose statements a narrow role may read, or null. */
export function statementPartyOf(p: Principal): string | null {
  if (p.role === 'member') return p.partyId;
  if (p.role === 'partner') return p.society;
  return null;
}
