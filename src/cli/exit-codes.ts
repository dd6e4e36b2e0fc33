import type { TuttiErrorCode } from '../domain/index.js';

/** DESIGN.md §6: 0 ok, 1 failure, 2 usage error, 3 input rejected. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, REJECTED: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: TuttiErrorCode): ExitCode {
  switch (code) {
    case 'USAGE':
    case 'INVALID_PERIOD':
      return EXIT.USAGE;
    case 'INPUT_REJECTED':
    case 'CWR_FILE_REJECTED':
    case 'DSR_FILE_REJECTED':
      return EXIT.REJECTED;
    default:
      return EXIT.FAILURE;
  }
}
