import type { RightType } from '../rights/right-type.js';

/**
 * A mandate: a publisher or society lets this society license and collect some of its rights, within a
 * scope of right types, territories, services and dates, for a fee (royalties.md §4). Mandated shares
 * are claimed on their own claim lines and invoices and remitted to the mandator.
 */
export interface MandateSpec {
  readonly mandateId: string;
  /** The mandator's 11-digit IPI name number (publishers) or CISAC code (societies). */
  readonly mandatorIpi: string;
  readonly mandatorName: string;
  readonly rightTypes: readonly RightType[];
  /** TIS include/exclude terms, applied in order. */
  readonly territories: readonly { readonly include: boolean; readonly tis: string }[];
  /** Services covered; absent = every service. */
  readonly services?: readonly string[];
  /** Commercial models covered; absent = every model. */
  readonly commercialModels?: readonly string[];
  /** ISO dates; `validTo` absent = open-ended. */
  readonly validFrom: string;
  readonly validTo?: string;
  /** Fee in basis points of the collected amount (1000 = 10 %). */
  readonly commissionBp: number;
}
