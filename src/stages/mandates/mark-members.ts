import { sql, type Store } from '../../warehouse/index.js';

/**
 * Marks as members the parties affiliated to the society (performing or mechanical affiliation equal to
 * its CISAC code). Membership in tutti follows affiliation until a member registry is imported.
 * Returns how many parties are members afterwards.
 */
export async function markSocietyMembers(store: Store, societyCode: string): Promise<number> {
  await store.run(sql`UPDATE parties SET is_member = true
    WHERE NOT is_member AND (ltrim(pr_society, '0') = ltrim(${societyCode}, '0') OR ltrim(mr_society, '0') = ltrim(${societyCode}, '0'))`);
  const row = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM parties WHERE is_member');
  return Number(row?.n ?? 0n);
}
