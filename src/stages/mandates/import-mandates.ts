import {
  checkIpiNameNumber,
  formatTerritoryExpression,
  isRightType,
  TuttiError,
  type MandateSpec,
} from '../../domain/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';

export interface MandateImportOptions {
  readonly codeVersion: string;
  readonly now: () => Date;
  readonly source?: string;
}

/** Checks one mandate; throws a TuttiError naming the mandate and the field to fix. */
function assertMandate(m: MandateSpec): void {
  const where = `mandate ${m.mandateId || '(no id)'}`;
  if (!m.mandateId)
    throw new TuttiError('INPUT_REJECTED', `${where}: mandateId is required`, { field: 'mandateId' });
  if (!m.rightTypes.length || !m.rightTypes.every(isRightType)) {
    throw new TuttiError('INPUT_REJECTED', `${where}: rightTypes must list performing, mechanical or sync`, {
      field: 'rightTypes',
    });
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(m.validFrom) ||
    (m.validTo !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(m.validTo))
  ) {
    throw new TuttiError('INPUT_REJECTED', `${where}: validFrom/validTo must be ISO dates (YYYY-MM-DD)`, {
      field: 'validFrom',
    });
  }
  if (!Number.isInteger(m.commissionBp) || m.commissionBp < 0 || m.commissionBp > 10000) {
    throw new TuttiError('INPUT_REJECTED', `${where}: commissionBp must be an integer from 0 to 10000`, {
      field: 'commissionBp',
    });
  }
}

/**
 * Stores mandates (replacing those with the same id) and their mandators as parties, in one recorded run.
 * Idempotent: importing the same mandates again leaves the same rows.
 */
export async function importMandates(
  store: Store,
  mandates: readonly MandateSpec[],
  options: MandateImportOptions,
): Promise<{ mandates: number; runId: string }> {
  mandates.forEach(assertMandate);
  const result = await recordRun(
    store,
    {
      stage: 'mandates',
      params: { source: options.source ?? null },
      codeVersion: options.codeVersion,
      now: options.now(),
    },
    options.now,
    async () =>
      store.transaction(async () => {
        for (const m of mandates) {
          const ipi = checkIpiNameNumber(m.mandatorIpi);
          const partyId = ipi.ok ? `IPI:${ipi.value}` : `SOC:${m.mandatorIpi}`;
          await store.run(sql`DELETE FROM mandates WHERE mandate_id = ${m.mandateId}`);
          await store.run(sql`INSERT INTO mandates VALUES (${m.mandateId}, ${partyId}, ${m.mandatorName},
            ${`[${m.rightTypes.map((r) => `'${r}'`).join(',')}]`}::VARCHAR[], ${formatTerritoryExpression(m.territories)},
            ${m.services ? JSON.stringify(m.services) : null}::JSON::VARCHAR[],
            ${m.commercialModels ? JSON.stringify(m.commercialModels) : null}::JSON::VARCHAR[],
            ${m.validFrom}::DATE, ${m.validTo ?? null}::DATE, ${m.commissionBp})`);
          await store.run(sql`INSERT INTO parties (party_id, kind, name, ipi_name_number)
            SELECT ${partyId}, ${ipi.ok ? 'publisher' : 'society'}, ${m.mandatorName}, ${ipi.ok ? ipi.value : null}
            WHERE NOT EXISTS (SELECT 1 FROM parties WHERE party_id = ${partyId})`);
        }
        return { counts: { mandates: mandates.length } };
      }),
  );
  return { mandates: mandates.length, runId: result.runId };
}

/** Parses a mandates file: `{ "mandates": [MandateSpec...] }` or a bare array. */
export function parseMandatesJson(text: string, file: string): MandateSpec[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new TuttiError(
      'INPUT_REJECTED',
      `${file} is not JSON: ${(cause as Error).message}`,
      { file },
      { cause },
    );
  }
  const list = Array.isArray(value) ? value : (value as { mandates?: unknown }).mandates;
  if (!Array.isArray(list))
    throw new TuttiError('INPUT_REJECTED', `${file}: expected {"mandates": [...]} or an array of mandates`, {
      file,
    });
  return list as MandateSpec[];
}
