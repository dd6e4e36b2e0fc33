import { describe, expect, it } from 'vitest';
import type { Match } from '../lib/types.js';
import { findDecisionRoute } from './decision-route.js';
import { conservationGap } from './distributions-page.js';

const match: Match = {
  reportId: 'SVC A/1',
  blockId: 'B2',
  resourceRef: 'R2',
  dspResourceId: 'd2',
  isrc: null,
  title: 'Nite Train',
  artists: null,
  workId: 'W2',
  method: 'metadata',
  score: 780,
  status: 'review',
  evidence: null,
};
const post = { post: {} };

describe('findDecisionRoute', () => {
  it('finds none when the API has no review POST route, so the console stays read-only', () => {
    expect(findDecisionRoute({ paths: { '/review-queue': { get: {} } } })).toBeNull();
  });

  it('fills one route per decision from the match, escaping the values', () => {
    const route = findDecisionRoute({
      paths: {
        '/review-queue/{reportId}/{blockId}/{resourceRef}/accept': post,
        '/review-queue/{reportId}/{blockId}/{resourceRef}/reject': post,
        '/review-queue/{reportId}/{blockId}/{resourceRef}/reassign': post,
      },
    });
    expect(route?.path('accept', match)).toBe('/review-queue/SVC%20A%2F1/B2/R2/accept');
    expect(route?.path('reassign', match)).toBe('/review-queue/SVC%20A%2F1/B2/R2/reassign');
    expect(route?.body('reassign', 'W9')).toEqual({ workId: 'W9' });
    expect(route?.body('accept', 'W2')).toEqual({});
  });

  it('sends the decision in the body to a single decisions route, the work only to reassign', () => {
    const route = findDecisionRoute({
      paths: { '/review-queue/{reportId}/{blockId}/{resourceRef}/decisions': post },
    });
    expect(route?.path('reject', match)).toBe('/review-queue/SVC%20A%2F1/B2/R2/decisions');
    expect(route?.body('reject', 'W2')).toEqual({ decision: 'reject' });
    expect(route?.body('reassign', 'W9')).toEqual({ decision: 'reassign', workId: 'W9' });
  });

  it("finds the API's own route, POST /review-items/{reviewId}/decision, beside its GET routes", () => {
    const route = findDecisionRoute({
      paths: {
        '/review-items': { get: {} },
        '/review-items/{reviewId}': { get: {} },
        '/review-items/{reviewId}/decision': post,
      },
    });
    expect(route?.path('accept', { reviewId: 'rev-3' })).toBe('/review-items/rev-3/decision');
    expect(route?.body('accept', 'W2')).toEqual({ decision: 'accept' });
  });
});

describe('conservationGap', () => {
  it('is zero when collected money is all accounted for, exactly beyond float precision', () => {
    const d = {
      distributionId: 'D',
      period: 'P',
      status: 'issued',
      createdAt: '',
      collected: '9007199254740993000',
      paid: '9007199254740992999',
      remitted: '0',
      commission: '1',
      deductions: '0',
      held: '0',
    };
    expect(conservationGap(d)).toBe(0n);
    expect(conservationGap({ ...d, held: '1' })).toBe(-1n);
  });
});
