/** The rights a stream triggers (royalties.md §1.5). Sync is carried from CWR but never claimed on streams. */
export const RIGHT_TYPES = ['performing', 'mechanical', 'sync'] as const;
export type RightType = (typeof RIGHT_TYPES)[number];

export function isRightType(value: string): value is RightType {
  return (RIGHT_TYPES as readonly string[]).includes(value);
}

/** DDEX RightsCoverage values (avs) mapped to tutti right types. */
export function rightTypeFromDdex(value: string): RightType | undefined {
  switch (value) {
    case 'PerformingRight':
      return 'performing';
    case 'MechanicalRight':
    case 'ReproductionRight':
      return 'mechanical';
    case 'SynchronizationRight':
      return 'sync';
    default:
      return undefined;
  }
}
