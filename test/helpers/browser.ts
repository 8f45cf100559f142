// Real Chromium (the one test/setup/browser.ts found: CHROMIUM_PATH, or the npm package's) driven by
// playwright-core, with a real server listening on loopback and a real SMTP server; screenshots go to
// test-results/screens/.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { smtpMailer } from '../../api/src/email/mailer.ts';
import { toNodeListener } from '../../api/src/http/node.ts';
import { createWeb, type Web } from '../../api/src/http/web.ts';
import { createTestDatabase } from './db.ts';
import { freePort, startMailbox, type Mailbox } from './smtp.ts';
import { testCaptcha } from './web.ts';

export const screensDir = path.resolve(import.meta.dirname, '../../test-results/screens');

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each failing node: its selector, why, and the start of its HTML. */
  nodes: string[];
}

export interface LiveSite {
  url: string;
  db: Database;
  web: Web;
  mailbox: Mailbox;
  browser: Browser;
  screenshot(page: Page, name: string): Promise<string>;
  axe(page: Page): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

export async function startLiveSite(): Promise<LiveSite> {
  const db = await createTestDatabase({ contents: 'bootstrapped' });
  const mailbox = await startMailbox();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const web = createWeb({ prisma: db.prisma, mailer: smtpMailer(mailbox.url), publicUrl: url, captcha: testCaptcha, outboxIntervalMs: 200 });
  const server: Server = createServer(toNodeListener(web, url));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  // playwright starts Chromium with a new, empty profile of its own.
  const browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: chromiumArgs });
  mkdirSync(screensDir, { recursive: true });
  const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
  return {
    url,
    db,
    web,
    mailbox,
    browser,
    async screenshot(page, name) {
      const file = path.join(screensDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async axe(page) {
      // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => (globalThis as any).axe.run(document, { resultTypes: ['violations'] }));
      return (result.violations as any[]).map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: (violation.nodes as any[]).map((node) => `${node.target.join(' ')}: ${node.failureSummary} — ${String(node.html).slice(0, 200)}`),
      }));
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await web.close();
      await mailbox.close();
      await db.close();
    },
  };
}

/**
 * Collects what must never happen on a page: script errors, refusals by the Content Security
 * Policy, and requests to anywhere but the site itself.
 */
export function watchPageProblems(page: Page, siteUrl: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(siteUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`outside request: ${url}`);
  });
  return problems;
}

export interface ScreenCheck {
  /**
   * Saves the screen as `<prefix>-<name>.png` (or `<name>.png`) and expects axe to find no violation of any impact.
   * `dialog`: shot as seen (a full-page shot would show the backdrop over the first screen only);
   * `top`: also the visible top of a tall page, as `<prefix>-<name>-top.png`.
   */
  (name: string, options?: { dialog?: boolean; top?: boolean }): Promise<void>;
  /** The screens saved so far and axe's findings by screen, for the test's log. */
  report(): string;
}

export function screenChecker(site: LiveSite, page: Page, prefix: string): ScreenCheck {
  const screens: string[] = [];
  const axeReport: Record<string, AxeViolation[]> = {};
  const fileOf = (name: string) => (prefix ? `${prefix}-${name}` : name);
  const check = async (name: string, options: { dialog?: boolean; top?: boolean } = {}) => {
    // Let fades and other finite transitions end, a select's menu leave after a choice, and a
    // tooltip under the resting pointer close: axe would otherwise read them half-way on a slow machine.
    const viewport = page.viewportSize();
    if (viewport) await page.mouse.move(viewport.width - 5, viewport.height - 5);
    await page.locator('.MuiPopover-root, .MuiTooltip-popper').first().waitFor({ state: 'detached' });
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    if (!options.dialog) screens.push(await site.screenshot(page, fileOf(name)));
    if (options.dialog || options.top) {
      const file = path.join(screensDir, `${fileOf(name)}${options.top ? '-top' : ''}.png`);
      await page.screenshot({ path: file });
      screens.push(file);
    }
    const violations = await site.axe(page);
    axeReport[name] = violations;
    expect(violations, name).toEqual([]);
  };
  return Object.assign(check, {
    report: () => `screens:\n${screens.join('\n')}\naxe violations by screen: ${JSON.stringify(axeReport)}`,
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  check: ScreenCheck;
  /** What watchPageProblems collects; a test expects it empty at the end. */
  problems: string[];
}

/** A Russian-locale, Moscow-time browser tab on the site, with its screen checker and problem watch. */
export async function openBrowserSession(site: LiveSite, screenPrefix: string): Promise<BrowserSession> {
  const context = await site.browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page, check: screenChecker(site, page, screenPrefix), problems: watchPageProblems(page, site.url) };
}
