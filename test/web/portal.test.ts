import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, seedDemoAccounts } from '../../src/api/index.js';
import { generateDataset, writeDataset } from '../../src/generate/index.js';
import { runQuarter, type QuarterOptions } from '../../src/stages/quarter/index.js';
import { openStore, type Store } from '../../src/warehouse/index.js';
import { loadPortalData } from './portal-data.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const NOW = new Date('2025-04-20T10:00:00Z');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let store: Store;
let browser: Browser;
let url: string;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // The app under test is the one `npm run build:web` makes, served by the API's static hook.
  await build({
    configFile: join(import.meta.dirname, '../../src/web/build/vite.config.ts'),
    logLevel: 'silent',
  });
  mkdirSync(SHOTS, { recursive: true });
  store = await openStore(':memory:', { threads: 1 });
  await loadPortalData(store);
  for (const account of await seedDemoAccounts(store, () => NOW)) tokens[account.role] = account.token;
  const app = await buildApi({ store, now: () => NOW });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await close?.();
  store?.close();
});

async function signIn(role: 'member' | 'operator', at = url, keys = tokens): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(at);
  await page.getByLabel('API key').fill(keys[role]!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
  return page;
}

describe('web app in Chromium', () => {
  it('refuses a wrong key on the sign-in page and serves no page for an API route', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByLabel('API key').fill('tutti_key_nope.nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The key was refused');
    const api = await page.request.get(`${url}/works`, { headers: { accept: 'text/html' } });
    expect(api.status()).toBe(401);
    const deepLink = await page.request.get(`${url}/some/page`, { headers: { accept: 'text/html' } });
    expect(await deepLink.text()).toContain('<div id="root">');
    const malformed = await page.request.get(`${url}/%E0%A4%A`, { headers: { accept: 'text/html' } });
    expect(malformed.status()).toBe(400); // refused by Fastify's router, never a page or a 500
    await page.close();
  });

  it('shows a member their own works, usage and statement, and no operations page', async () => {
    const page = await signIn('member');
    await expect.poll(() => page.getByTestId('who').textContent()).toContain('demo-member (member)');
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'My works',
      'Where used',
      'Statements',
      'Register a work',
    ]);
    await page.getByRole('link', { name: 'La Mer Bleue' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Night Train');

    await page.getByRole('link', { name: 'La Mer Bleue' }).click();
    await page.getByText('T0000000010 (preferred)').waitFor();
    await page.getByText('T0000000021 (archived)').waitFor();
    await page.getByRole('figure', { name: /By service — Usages/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'member-work.png'), fullPage: true });

    await page.goto(`${url}/#/usage`);
    await page.getByRole('img', { name: /By territory — Net/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('StreamA Premium');

    await nav.getByRole('link', { name: 'Statements' }).click();
    await page.getByRole('link', { name: 'D-2025-Q1-1' }).click();
    await expect.poll(() => page.getByTestId('statement-net').textContent()).toBe('1,900.00');
    await page.getByRole('button', { name: 'Trace line 1' }).click();
    await page.getByText('Claims and reports are read by the society’s staff').waitFor();
    expect(await page.locator('.trace').textContent()).toContain('INV-A');
    await page.screenshot({ path: join(SHOTS, 'member-statement.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download statement (PDF)' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^statement-D-2025-Q1-1-IPI.00000000199\.pdf$/);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // The console's pages are not there for a member, and the API refuses its data.
    for (const path of ['review', 'quarantine']) {
      await page.goto(`${url}/#/${path}`);
      await page.getByRole('heading', { name: 'My works' }).waitFor();
    }
    for (const path of ['/review-items', '/quarantine']) {
      const refused = await page.request.get(`${url}${path}`, {
        headers: { authorization: `Bearer ${tokens['member']!}` },
      });
      expect(refused.status()).toBe(403);
    }
    await page.close();
  });

  it('shows an operator reports, identification rates, the review queue, overclaims and conservation', async () => {
    const page = await signIn('operator');
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Reports',
      'Quarantine',
      'Review queue',
      'Overclaims',
      'Distributions',
      'Statements',
    ]);
    const svca = page.getByRole('row', { name: /SVCA-1/ });
    await expect.poll(() => svca.textContent()).toContain('50.0\u00a0%');
    expect(await page.getByRole('row', { name: /SVCB-1/ }).textContent()).toContain('waiting-parts');
    await page.screenshot({ path: join(SHOTS, 'operator-reports.png'), fullPage: true });
    await page.getByRole('textbox', { name: 'Service' }).fill('StreamB Free');
    await page.keyboard.press('Enter');
    await page.getByText('1 of 1').waitFor();
    expect(await page.getByRole('row', { name: /SVCA-1/ }).count()).toBe(0);

    await nav.getByRole('link', { name: 'Review queue' }).click();
    await page.getByText('Nite Train (Live)').first().waitFor();
    await page.getByRole('link', { name: 'Night Train' }).waitFor();
    await page.getByText('185 s vs 190 s').waitFor(); // the engine's evidence beside the proposed work
    // The API offers decisions (POST /review-items/{reviewId}/decision): the buttons are live.
    expect(await page.getByRole('button', { name: 'Accept' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('no-decision-route').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'operator-review.png'), fullPage: true });

    await nav.getByRole('link', { name: 'Quarantine' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /SVCB-1_1of2\.tsv/ }).textContent())
      .toContain('Usages is not a whole number');
    expect(await page.getByRole('row', { name: /SVCB-1_1of2\.tsv/ }).textContent()).toContain(
      'DSR_BAD_NUMBER',
    );
    await page.screenshot({ path: join(SHOTS, 'operator-quarantine.png'), fullPage: true });

    await nav.getByRole('link', { name: 'Overclaims' }).click();
    await expect.poll(() => page.getByRole('row', { name: /INV-B/ }).textContent()).toContain('250.00');

    await nav.getByRole('link', { name: 'Distributions' }).click();
    await expect
      .poll(() => page.getByTestId('conservation-D-2025-Q1-1').textContent())
      .toContain('✓ balanced');
    await page.screenshot({ path: join(SHOTS, 'operator-distributions.png'), fullPage: true });

    await page.goto(`${url}/#/statements/D-2025-Q1-1/IPI%3A00000000199`);
    await page.getByRole('button', { name: 'Trace line 1' }).click();
    await page.getByRole('link', { name: /SVCA-1 — StreamA Premium FR/ }).waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByRole('heading', { name: 'Rapports reçus' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /SVCA-1/ }).textContent()).toContain('50,0\u00a0%');
    await page.screenshot({ path: join(SHOTS, 'operator-reports-fr.png'), fullPage: true });
    await page.close();
  });

  it('lets a member register a new work and shows the CWR registration it produced', async () => {
    const page = await signIn('member');
    await page.getByRole('navigation').getByRole('link', { name: 'Register a work' }).click();
    await page.getByLabel('Title').fill('Les Vagues');
    const first = page.getByRole('group', { name: 'Writers 1' });
    expect(await first.getByLabel('IPI name number').inputValue()).toBe('00000000199'); // the member, filled in
    await first.getByLabel('Last name').fill('Dupont');
    await first.getByLabel('Share %').fill('60');
    await page.getByRole('button', { name: 'Add a writer' }).click();
    const second = page.getByRole('group', { name: 'Writers 2' });
    await second.getByLabel('Last name').fill('Lenoir');
    await second.getByLabel('Share %').fill('40');
    expect(await page.getByTestId('share-total').textContent()).toBe('Total: 100.00 %');
    await page.screenshot({ path: join(SHOTS, 'member-register-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.getByTestId('registered').textContent()).toContain('00000000199-WEB0000001');
    const cwr = (await page.locator('pre.cwr').textContent()) ?? '';
    expect(cwr).toMatch(/^HDRWR/);
    expect(cwr).toContain('NWR');
    await page.screenshot({ path: join(SHOTS, 'member-register.png'), fullPage: true });
    await page.getByRole('navigation').getByRole('link', { name: 'My works' }).click();
    await page.getByRole('link', { name: 'LES VAGUES' }).waitFor();
    await page.close();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('#api-key:focus').waitFor(); // the key field has the focus on arrival
    await page.keyboard.type(tokens['member']!);
    await page.keyboard.press('Enter');
    await page.getByTestId('who').waitFor();
    const focused = async () => {
      const el = page.locator(':focus');
      if ((await el.count()) === 0) return '';
      return (await el.getAttribute('id')) || ((await el.textContent()) ?? '');
    };
    await expect.poll(focused).toBe('main');
    await page.keyboard.press('Shift+Tab'); // back into the header: the sign-out button
    expect(await focused()).toBe('Sign out');
    // Tab from the top of the page reaches the navigation.
    await page.locator('.skip').focus();
    expect(await focused()).toBe('Skip to content');
    const seen: string[] = [];
    for (let i = 0; i < 6 && (await focused()) !== 'Where used'; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen).toContain('Where used');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Where my works were used' }).waitFor();
    await page.close();
  });
});

describe('a review decision in the console changes a member statement after the re-run', () => {
  // The real pipeline on a small generated quarter: CWR, DSR, identify, claim, collect, distribute.
  let root: string;
  let qStore: Store;
  let qUrl: string;
  let closeQ: () => Promise<void>;
  const keys: Record<string, string> = {};
  const quarter = (now: string): QuarterOptions => ({
    period: '2024-03',
    inDir: join(root, 'in'),
    outDir: join(root, 'out'),
    assumePaid: true,
    codeVersion: 'test',
    now: () => new Date(now),
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tutti-web-quarter-'));
    const dataset = generateDataset({
      works: 80,
      services: ['Spotify'],
      territories: ['FR'],
      months: ['2024-03'],
      seed: 5,
      usageLinesPerReport: 60,
    });
    await writeDataset(dataset, join(root, 'in'));
    qStore = await openStore(':memory:', { threads: 1 });
    await runQuarter(qStore, quarter('2024-04-10T00:00:00Z'));
    for (const account of await seedDemoAccounts(qStore, () => NOW)) keys[account.role] = account.token;
    const app = await buildApi({ store: qStore, now: () => NOW });
    qUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    closeQ = () => app.close();
  });

  afterAll(async () => {
    await closeQ?.();
    qStore?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('accepts a review item as operator, re-runs the quarter, and the member sees a new statement with adjustment lines', async () => {
    // The open review item that proposes one of the demo member's works.
    const member = await signIn('member', qUrl, keys);
    const me = (await (
      await member.request.get(`${qUrl}/me`, { headers: { authorization: `Bearer ${keys['member']!}` } })
    ).json()) as { partyId: string };
    const item = await qStore.one<{ review_id: string; title: string }>({
      text: `SELECT DISTINCT r.review_id, r.title FROM review_items r JOIN work_shares s ON s.work_id = r.proposed_work_id
             WHERE r.status = 'open' AND s.party_id = $1 ORDER BY r.review_id LIMIT 1`,
      values: [me.partyId],
    });
    expect(item, 'the generated quarter has a review item for the member').toBeDefined();

    await member.getByRole('navigation').getByRole('link', { name: 'Statements' }).click();
    const rows = member.getByRole('row', { name: /D-2024-03-/ });
    await expect.poll(() => rows.count()).toBe(1);
    const before = (await rows.first().textContent()) ?? '';
    await member.screenshot({ path: join(SHOTS, 'quarter-member-before.png'), fullPage: true });

    const operator = await signIn('operator', qUrl, keys);
    await operator.getByRole('navigation').getByRole('link', { name: 'Review queue' }).click();
    await operator.getByRole('button', { name: item!.title }).click();
    await operator.getByRole('heading', { name: 'Proposed work' }).waitFor();
    await operator.screenshot({ path: join(SHOTS, 'quarter-operator-review.png'), fullPage: true });
    await operator.getByRole('button', { name: 'Accept' }).click();
    await operator.getByText('Decision recorded: Accept.').waitFor();
    await expect.poll(() => operator.getByRole('button', { name: item!.title }).count()).toBe(0); // out of the queue
    const decided = await qStore.one<{ status: string }>({
      text: 'SELECT status FROM review_items WHERE review_id = $1',
      values: [item!.review_id],
    });
    expect(decided?.status).toBe('decided');

    // Identification reuses the decision; claim, collect and distribute follow with the new money.
    const rerun = await runQuarter(qStore, quarter('2024-04-12T00:00:00Z'));
    expect(rerun.stages.distribute['distribution']).toBe('D-2024-03-2');
    expect(rerun.conservation?.['ok']).toBe(true);

    await member.reload();
    await member.getByTestId('who').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toBe(before); // the first statement is never rewritten
    await member.getByRole('link', { name: 'D-2024-03-2' }).click();
    await member.getByRole('heading', { name: 'Statement D-2024-03-2' }).waitFor();
    const kinds = await member.locator('tbody tr td:nth-child(9)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === 'adjustment')).toBe(true);
    expect(await member.getByTestId('statement-net').textContent()).not.toBe('0.00');
    await member.screenshot({ path: join(SHOTS, 'quarter-member-after.png'), fullPage: true });
    await member.close();
    await operator.close();
  });
});
