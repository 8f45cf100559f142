// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with a real server listening
// on loopback and a real SMTP server; screenshots go to test-results/screens/.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bootstrapDatabase } from '../../api/src/bootstrap.ts';
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

export interface LiveSite {
  url: string;
  db: Database;
  web: Web;
  mailbox: Mailbox;
  browser: Browser;
  screenshot(page: Page, name: string): Promise<string>;
  axe(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: number }[]>;
  close(): Promise<void>;
}

export async function startLiveSite(): Promise<LiveSite> {
  const db = await createTestDatabase();
  await bootstrapDatabase(db);
  const mailbox = await startMailbox();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const web = createWeb({ prisma: db.prisma, mailer: smtpMailer(mailbox.url), publicUrl: url, captcha: testCaptcha, outboxIntervalMs: 200 });
  const server: Server = createServer(toNodeListener(web, url));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  // playwright starts Chromium with a new, empty profile of its own.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
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
      return (result.violations as any[]).map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.length }));
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
