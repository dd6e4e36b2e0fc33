export type Decision = 'accept' | 'reject' | 'reassign';

interface OpenApi {
  readonly paths?: Record<string, Record<string, unknown>>;
}

/** How to send a review decision, when the API offers it. */
export interface DecisionRoute {
  /** The path to POST for this decision on this item (its fields fill the path's `{name}`s). */
  path(decision: Decision, item: object): string;
  /** The body: the decision itself when one route takes all three; the work only for a reassignment. */
  body(decision: Decision, workId: string | null): Record<string, string>;
}

const fill = (template: string, item: object) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (item as Record<string, unknown>)[name];
    return encodeURIComponent(typeof value === 'string' ? value : '');
  });

/**
 * Finds the review-decision route in the API's OpenAPI document: either one POST route per decision
 * (`…/accept`, `…/reject`, `…/reassign` under a review path) or one POST `…/decision(s)` route taking
 * `{ decision, workId }`. None: the console shows the queue read-only and says so.
 */
export function findDecisionRoute(spec: OpenApi): DecisionRoute | null {
  const posts = Object.entries(spec.paths ?? {})
    .filter(([path, ops]) => path.includes('review') && 'post' in ops)
    .map(([path]) => path);
  const each = (d: Decision) => posts.find((p) => p.endsWith(`/${d}`));
  const accept = each('accept');
  if (accept && each('reject')) {
    return {
      path: (d, m) => fill(each(d) ?? accept, m),
      body: (d, workId) => (d === 'reassign' && workId ? { workId } : {}),
    };
  }
  const single = posts.find((p) => /\/decisions?$/.test(p));
  if (single)
    return {
      path: (_d, m) => fill(single, m),
      body: (d, workId) => ({ decision: d, ...(d === 'reassign' && workId ? { workId } : {}) }),
    };
  return null;
}
