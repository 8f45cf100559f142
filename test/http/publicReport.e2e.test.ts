// Issue 14, point 9, in real Chromium: an anonymous reader (no session, a fresh browser profile)
// opens the public report of seed 002's published answers; axe finds nothing; the browser prints it
// to PDF (print stylesheet: no header, no version list) as pages with the figures.
// Screens: test-results/screens/public-report-01-report(-top).png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAnalytics } from '../../api/src/services/analytics.ts';
import { openBrowserSession, startLiveSite, type BrowserSession, type LiveSite } from '../helpers/browser.ts';
import { writeSeed002 } from '../helpers/seed002Db.ts';

let site: LiveSite;
let session: BrowserSession;

beforeAll(async () => {
  site = await startLiveSite();
  await writeSeed002(site.db.prisma);
  const coordinator = await site.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  await publishAnalytics(site.db.prisma, { id: coordinator.id, email: coordinator.email }, 'nok-2023');
  await fetch(`${site.url}/healthz`); // the assets built before the first test's clock
  session = await openBrowserSession(site, 'public-report');
  session.page.setDefaultTimeout(30_000);
}, 120_000);
afterAll(async () => {
  if (session) console.log(session.check.report());
  await session?.context.close();
  await site?.close();
});

describe('the public report in a browser', () => {
  it('opens without signing in, with the figures, charts and tables; axe finds nothing', async () => {
    const { page } = session;
    const response = await page.goto(`${site.url}/reports/nok-2023`);
    expect(response?.status()).toBe(200);
    expect(await session.context.cookies()).toEqual([]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const fig10 = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 3, name: /^Рисунок 10 - Способы определения оператора/ }) });
    expect(await fig10.getByRole('img').getAttribute('aria-label')).toContain('Аукцион — 2021 — 25,7');
    expect((await fig10.getByRole('table').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('19 (25,7 %)');
    expect(await page.getByRole('navigation', { name: 'Версии публикации' }).isVisible()).toBe(true);
    await session.check('01-report', { top: true });
  }, 120_000);

  it('prints to PDF without the site around it, over several pages', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Версии публикации' }).isVisible()).toBe(false);
    expect(await page.locator('header.site').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  }, 120_000);

  it('had no script errors, CSP refusals or foreign requests', () => {
    expect(session.problems).toEqual([]);
  });
});
