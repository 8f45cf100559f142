// Fixtures for the coordinators' console tests: a signed-in coordinator, respondents whose
// questionnaires are filled through the real save service, and the setup every browser test of the
// console shares (a live site with the coordinator, a Russian browser tab, signing in).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { saveSection } from '../../api/src/services/responses.ts';
import type { Database } from '../../api/src/db/client.ts';
import type { TestApp } from './app.ts';
import { openBrowserSession, startLiveSite, type LiveSite, type ScreenCheck } from './browser.ts';

export const COORDINATOR = { email: 'coordinator@vcot.example', password: 'correct horse battery' };

export async function signInCoordinator(t: TestApp): Promise<string> {
  await createCoordinator(t.db.prisma, COORDINATOR);
  const result = await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, { input: COORDINATOR });
  const cookie = result.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('coordinator sign-in failed');
  return cookie;
}

/** A respondent with the given sections saved (in order), optionally marked as submitted. */
export async function respondentWith(
  t: { db: Database },
  email: string,
  campaignCode: string,
  sections: [sectionCode: string, answers: Record<string, unknown>][],
  options: { submitted?: boolean } = {},
) {
  const user = await t.db.prisma.user.create({ data: { email, role: 'RESPONDENT' } });
  let version = 0;
  let responseId: number | null = null;
  for (const [sectionCode, answers] of sections) {
    const state = await saveSection(t.db.prisma, user.id, { campaignCode, sectionCode, version, answers });
    version = state.response.version;
    responseId = state.response.id;
  }
  if (options.submitted && responseId !== null) {
    // Analytics, export and reopening only read the status; the submit rules have tests of their own.
    await t.db.prisma.response.update({ where: { id: responseId }, data: { status: 'SUBMITTED', submittedAt: new Date(), completion: 100 } });
  }
  return { user, responseId };
}

/** Fills the console's sign-in form and submits it (the page shows the form). */
export async function submitConsoleSignIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Электронная почта').fill(credentials.email);
  await page.getByLabel(/^Пароль/).fill(credentials.password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** What a console browser test works with; filled in by its beforeAll, before the first test. */
export interface ConsoleBrowserTest {
  site: LiveSite;
  context: BrowserContext;
  page: Page;
  /** Saves a screen as `<screenPrefix>-<name>.png` and expects axe to find nothing. */
  check: ScreenCheck;
  /** Script errors, CSP refusals and foreign requests seen so far; a test expects none at the end. */
  problems: string[];
}

/**
 * The setup of a console browser test file: before all tests, a live site with COORDINATOR, the
 * given campaigns' windows open (since yesterday, for ten more days), the file's own data, a
 * browser tab, and the console's bundle built (so the first test's clock does not count it); after
 * all, the screens and axe's findings in the log, and everything closed.
 */
export function consoleBrowserTest(
  screenPrefix: string,
  options: { openWindows?: string[]; seed?: (site: LiveSite) => Promise<void> } = {},
): ConsoleBrowserTest {
  const test = {} as ConsoleBrowserTest;
  beforeAll(async () => {
    const site = await startLiveSite();
    test.site = site;
    const window = { opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 10 * 86_400_000) };
    for (const campaignCode of options.openWindows ?? []) await setCampaignWindow(site.db.prisma, campaignCode, window);
    await createCoordinator(site.db.prisma, COORDINATOR);
    await options.seed?.(site);
    Object.assign(test, await openBrowserSession(site, screenPrefix));
    await fetch(`${site.url}/assets/console.js`);
  }, 120_000);
  afterAll(async () => {
    if (test.check) console.log(test.check.report());
    await test.context?.close();
    await test.site?.close();
  });
  return test;
}

/** Opens the console, signs COORDINATOR in and waits for the dashboard. */
export async function signInToConsole({ site, page }: ConsoleBrowserTest): Promise<void> {
  await page.goto(`${site.url}/admin/`);
  await submitConsoleSignIn(page, COORDINATOR);
  await page.getByRole('heading', { name: 'Ход опроса', level: 1 }).waitFor();
}
