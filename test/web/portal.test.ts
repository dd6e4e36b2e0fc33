import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, seedDemoAccounts } from '../../src/api/index.js';
import { openStore, type Store } from '../../src/warehouse/index.js';
import { loadPortalData } from './portal-data.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const NOW = new Date('2025-04-20T10:00:00Z');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let store: Store;
let browser: Browser;
let url: string;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // The app under test is the one `npm run build:web` makes, served by the API's static hook.
  await build({ configFile: join(import.meta.dirname, '../../src/web/build/vite.config.ts'), logLevel: 'silent' });
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

async function signIn(role: 'member' | 'operator'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.getByLabel('API key').fill(tokens[role]!);
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
    expect(await nav.getByRole('link').allTextContents()).toEqual(['My works', 'Where used', 'Statements']);
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

    // The console's pages are not there for a member, and the API refuses its data.
    await page.goto(`${url}/#/review`);
    await page.getByRole('heading', { name: 'My works' }).waitFor();
    const refused = await page.request.get(`${url}/review-queue`, { headers: { authorization: `Bearer ${tokens['member']!}` } });
    expect(refused.status()).toBe(403);
    await page.close();
  });

  it('shows an operator reports, identification rates, the review queue, overclaims and conservation', async () => {
    const page = await signIn('operator');
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Reports', 'Review queue', 'Overclaims', 'Distributions', 'Statements']);
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
    const accept = page.getByRole('button', { name: 'Accept' });
    // The API has no decision route yet: the console says so rather than pretending.
    await page.getByTestId('no-decision-route').waitFor();
    expect(await accept.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'operator-review.png'), fullPage: true });

    await nav.getByRole('link', { name: 'Overclaims' }).click();
    await expect.poll(() => page.getByRole('row', { name: /INV-B/ }).textContent()).toContain('250.00');

    await nav.getByRole('link', { name: 'Distributions' }).click();
    await expect.poll(() => page.getByTestId('conservation-D-2025-Q1-1').textContent()).toContain('✓ balanced');
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
