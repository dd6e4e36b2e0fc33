import {
  dpidFromPayload,
  gtinFromPayload,
  parsePeriod,
  type UsageBlockSpec,
  type UsageReportSpec,
  type UsageSummarySpec,
} from '../domain/index.js';
import type { DatasetPlan } from './create-repertoire.js';
import { reportResource } from './noise.js';
import { createRandom, deriveSeed } from './random.js';
import type { BuiltReport, ReportPlan, TruthRow } from './types.js';
import { CURRENCY_BY_TERRITORY, LABELS, SERVICE_CODES } from './vocabulary.js';

/** Usage lines per report when the options do not say. */
export const DEFAULT_USAGE_LINES_PER_REPORT = 500;

const SACEM_DPID = dpidFromPayload('2007062702');

const serviceCode = (service: string): string => SERVICE_CODES[service] ?? service.slice(0, 2).toUpperCase();

/** The service's DDEX party id, stable per service name. */
export function serviceDpid(service: string): string {
  return dpidFromPayload(`20${String(deriveSeed(0, 'dpid', service) % 100_000_000).padStart(8, '0')}`);
}

/** Cents as decimal text (`123456n` → `"1234.56"`), exact. */
function centsText(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

function createdAt(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-05T08:00:00Z`;
}

/**
 * Builds one Basic Audio Profile 1.3 style report (subscription and ad-supported summaries, on-demand streams)
 * and its truth, from the plan alone: reports can be built lazily, in any order, one at a time.
 * Resources follow a Zipf-like popularity (the catalogue's global order, locally shuffled per report); each gets
 * a subscription line and often an ad-supported line. Σ line usages per summary = the summary's usages.
 */
export function buildReport(plan: DatasetPlan, reportPlan: ReportPlan): BuiltReport {
  const { catalogue, options } = plan;
  const { service, territory, month, messageId } = reportPlan;
  const rng = createRandom(deriveSeed(options.seed, 'report', messageId));
  const maxLines = options.usageLinesPerReport ?? DEFAULT_USAGE_LINES_PER_REPORT;
  const code = serviceCode(service);

  const order = catalogue.popularity.slice();
  const window = Math.max(1, Math.floor(Math.min(order.length, maxLines) * 0.05));
  const top = rng.int(20_000, 80_000);

  const blocks: UsageBlockSpec[] = [];
  const truth: TruthRow[] = [];
  let subscriptionUsages = 0n;
  let adUsages = 0n;
  let lines = 0;
  for (let k = 0; k < order.length && lines < maxLines; k++) {
    const j = Math.min(order.length - 1, k + rng.int(0, window));
    const swap = order[k] as number;
    order[k] = order[j] as number;
    order[j] = swap;
    const poolIndex = order[k] as number;
    const entry = catalogue.pool[poolIndex];
    if (entry === undefined) continue;
    const reported = reportResource(catalogue, options.seed, service, poolIndex);
    const id = poolIndex.toString(36).toUpperCase().padStart(6, '0');
    const dspResourceId = `${code}R${id}`;
    const n = blocks.length + 1;
    const resourceRef = `RS${n}`;

    const streams = BigInt(Math.max(1, Math.floor((top / Math.pow(k + 1, 0.9)) * (0.7 + 0.6 * rng.next()))));
    const usages: UsageBlockSpec['usages'][number][] = [
      {
        summaryId: 'S1',
        transactionId: `T${lines + 1}`,
        resourceRef,
        usages: streams,
        useType: 'OnDemandStream',
      },
    ];
    subscriptionUsages += streams;
    lines++;
    if (lines < maxLines && rng.chance(0.5)) {
      const free = 1n + (streams * BigInt(rng.int(20, 60))) / 100n;
      usages.push({
        summaryId: 'S2',
        transactionId: `T${lines + 1}`,
        resourceRef,
        usages: free,
        useType: 'OnDemandStream',
      });
      adUsages += free;
      lines++;
    }

    const work = entry.work === undefined ? undefined : catalogue.works[entry.work];
    blocks.push({
      blockId: `B${n}`,
      ...(rng.chance(0.8)
        ? {
            release: {
              releaseRef: `RL${n}`,
              dspReleaseId: `${code}A${id}`,
              icpn: gtinFromPayload(String(300_000_000_000 + poolIndex)),
              title: entry.title,
              displayArtist: reported.displayArtist,
              label: LABELS[poolIndex % LABELS.length] as string,
            },
          }
        : {}),
      resources: [
        {
          resourceRef,
          dspResourceId,
          title: reported.title,
          displayArtist: reported.displayArtist,
          durationS: reported.durationS,
          ...(reported.isrc === undefined ? {} : { isrc: reported.isrc }),
          ...(reported.subtitle === undefined ? {} : { subtitle: reported.subtitle }),
          ...(reported.work === undefined ? {} : { work: reported.work }),
        },
      ],
      usages,
    });
    truth.push({
      messageId,
      dspResourceId,
      ...(reported.isrc === undefined ? {} : { isrc: reported.isrc }),
      ...(work === undefined
        ? {}
        : { senderIpi: work.senderIpi, submitterWorkId: work.work.submitterWorkId }),
      ...(work?.work.iswc === undefined ? {} : { iswc: work.work.iswc }),
      noise: reported.noise,
    });
  }

  const currency = CURRENCY_BY_TERRITORY[territory] ?? 'EUR';
  const subscribers = BigInt(rng.int(50_000, 3_000_000));
  const summaries: UsageSummarySpec[] = [
    {
      summaryId: 'S1',
      commercialModel: 'SubscriptionModel',
      useType: 'OnDemandStream',
      territory,
      serviceDescription: 'Premium',
      usages: subscriptionUsages,
      subscribers,
      currency,
      netRevenue: centsText(subscribers * BigInt(rng.int(450, 799))),
    },
    {
      summaryId: 'S2',
      commercialModel: 'AdvertisementSupportedModel',
      useType: 'OnDemandStream',
      territory,
      serviceDescription: 'Free',
      usages: adUsages,
      currency,
      netRevenue: centsText((adUsages * BigInt(rng.int(5, 20))) / 100n),
    },
  ];
  const period = parsePeriod(month);
  const report: UsageReportSpec = {
    messageId,
    profile: 'BasicAudioProfile',
    profileVersion: '1.3',
    senderPartyId: serviceDpid(service),
    senderName: service,
    recipientPartyId: SACEM_DPID,
    recipientName: plan.society.name,
    serviceDescription: 'Premium-Free',
    territory,
    usageStartDate: period.start,
    usageEndDate: period.end,
    createdAt: createdAt(month),
    summaries,
    blocks,
  };
  return { report, truth };
}
