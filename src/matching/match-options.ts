import { TuttiError } from '../domain/index.js';

/**
 * The engine's knobs. Scores are integers 0..1000. A match at or above `accept` (and ahead of the
 * runner-up by `margin`) is used; from `review` up it goes to the review queue; below it is held.
 */
export interface MatchOptions {
  readonly accept: number;
  readonly review: number;
  /** Minimum lead of the best metadata candidate over the second best to be accepted. */
  readonly margin: number;
  /** Exact-title blocks larger than this are only searched through performers and writers. */
  readonly maxExactBlock: number;
  /** Title tokens carried by more works than this are not used for blocking. */
  readonly maxTokenBlock: number;
  /** Performer or writer keys carried by more works than this are not used for blocking. */
  readonly maxPeopleBlock: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze({
  accept: 900,
  review: 700,
  margin: 100,
  maxExactBlock: 100,
  maxTokenBlock: 100,
  maxPeopleBlock: 200,
});

/** The defaults with the given overrides; throws USAGE if review > accept or a value is out of 0..1000. */
export function createMatchOptions(overrides: Partial<MatchOptions> = {}): MatchOptions {
  const options = { ...DEFAULT_MATCH_OPTIONS, ...overrides };
  for (const k of ['accept', 'review', 'margin'] as const) {
    const v = options[k];
    if (!Number.isInteger(v) || v < 0 || v > 1000)
      throw new TuttiError('USAGE', `the ${k} threshold must be an integer 0..1000, got ${v}`, {
        field: k,
        value: String(v),
      });
  }
  if (options.review > options.accept)
    throw new TuttiError(
      'USAGE',
      `the review threshold (${options.review}) must not exceed the accept threshold (${options.accept})`,
    );
  return Object.freeze(options);
}
