/** A validation message about a DSR file or report: where (line, when it has one), what, and how bad. */
export interface DsrIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly line?: number;
  readonly message: string;
}

/** Collects issues, keeping at most `perCode` of each code (a count message stands for the rest). */
export interface DsrIssues {
  error(code: string, message: string, line?: number): void;
  warning(code: string, message: string, line?: number): void;
  readonly errors: DsrIssue[];
  readonly warnings: DsrIssue[];
  /** Adds "N more" messages for the codes that were capped. */
  finish(): void;
}

export function createDsrIssues(perCode = 50): DsrIssues {
  const errors: DsrIssue[] = [];
  const warnings: DsrIssue[] = [];
  const seen = new Map<string, { severity: 'error' | 'warning'; n: number }>();
  const add = (severity: 'error' | 'warning', code: string, message: string, line?: number) => {
    const s = seen.get(code) ?? { severity, n: 0 };
    s.n++;
    seen.set(code, s);
    if (s.n > perCode) return;
    const issue: DsrIssue = line === undefined ? { severity, code, message } : { severity, code, line, message };
    (severity === 'error' ? errors : warnings).push(issue);
  };
  return {
    errors,
    warnings,
    error: (code, message, line) => add('error', code, message, line),
    warning: (code, message, line) => add('warning', code, message, line),
    finish() {
      for (const [code, s] of seen) {
        if (s.n <= perCode) continue;
        const issue: DsrIssue = { severity: s.severity, code, message: `${s.n - perCode} more ${code} not listed (${s.n} in all)` };
        (s.severity === 'error' ? errors : warnings).push(issue);
      }
    },
  };
}
