// Issue 13, items 1 and 2 in real Chromium against a listening server and a real SMTP server: the
// receipt mail after a submit (its HTML shown in the browser), the personal link of a sent
// questionnaire opening it read-only and printable, and a return for rework reaching the official by
// mail and as «Возвращено на доработку: <причина>» at the top of the form. Screens go to
// test-results/screens/notify-*.png; axe checks the pages (not the mail, which is not a page).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueLoginLinkMail } from '../../api/src/email/outbox.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { reopenResponse } from '../../api/src/services/respondents.ts';
import { saveSection, submitResponse } from '../../api/src/services/responses.ts';
import { screenChecker, startLiveSite, type LiveSite, type ScreenCheck } from '../helpers/browser.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';
import { linkIn } from '../helpers/smtp.ts';

const OFFICIAL = 'official@altai.example';
const REASON = 'Уточните наименование органа власти: укажите его полностью, как в положении о министерстве.';

let site: LiveSite;
let context: BrowserContext;
let page: Page;
let check: ScreenCheck;
let userId: string;
let responseId: number;

/** The newest mail to the official whose subject matches, once the server's worker has sent it. */
async function mailMatching(subject: RegExp) {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const found = site.mailbox.mails.filter((mail) => subject.test(mail.subject ?? '') && JSON.stringify(mail.to).includes(OFFICIAL)).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail «${subject}»`);
}

beforeAll(async () => {
  site = await startLiveSite();
  await setCampaignWindow(site.db.prisma, 'nok-2021', {
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 7 * 86_400_000),
  });
  const campaign = await site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const user = await site.db.prisma.user.create({ data: { email: OFFICIAL, role: 'RESPONDENT' } });
  userId = user.id;
  await site.db.prisma.$transaction((tx) => enqueueLoginLinkMail(tx, OFFICIAL, { userId, campaignId: campaign.id }));
  await mailMatching(/^Мониторинг результатов НОК$/);
  let version = 0;
  for (const [sectionCode, answers] of [
    ['authority', section1],
    ['situation', { ...section2at80, staffing_technologies: 'rather_agree' }],
    ['measures', { measures: [1, 2, 3, 4, 5].map(measure) }],
    ['development', { proposals: 'Проводить обучающие семинары' }],
  ] as const) {
    const state = await saveSection(site.db.prisma, userId, { campaignCode: 'nok-2021', sectionCode, version, answers });
    version = state.response.version;
    responseId = state.response.id;
  }
  await submitResponse(site.db.prisma, userId, { campaignCode: 'nok-2021', version, confirm: true });
  context = await site.browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  check = screenChecker(site, page, 'notify');
}, 120_000);

afterAll(async () => {
  if (check) console.log(check.report());
  await context?.close();
  await site?.close();
});

describe('the receipt (item 2)', () => {
  it('is mailed with every answer; its HTML reads as a table of the answers', async () => {
    const receipt = await mailMatching(/^Анкета получена/);
    expect(receipt.text).toContain(section1.respondent_name);
    await page.setContent(receipt.html as string);
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('body').textContent()).toContain('Ваша анкета получена');
    await site.screenshot(page, 'notify-01-receipt-mail');
  });

  it('the personal link of the sent questionnaire shows it read-only, printable, without signing in', async () => {
    const [loginMail] = site.mailbox.mails.filter((mail) => mail.subject === 'Мониторинг результатов НОК');
    await page.goto(linkIn(loginMail!).toString());
    await page.getByRole('heading', { name: 'Анкета отправлена', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Вход по ссылке невозможен');
    await check('02-sent-link');
    await page.getByRole('button', { name: 'Посмотреть отправленную анкету' }).click();
    await page.getByRole('heading', { name: 'Отправленная анкета', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).toContain(section1.authority_name);
    expect(await page.locator('main').textContent()).toContain('Мероприятие 5');
    expect((await context.cookies()).length).toBe(0);
    await check('03-sent-copy');
    // Printed: the answers alone (no site header or footer).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.getByRole('table').first().isVisible()).toBe(true);
    await site.screenshot(page, 'notify-04-sent-copy-print');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('returned for rework (item 1)', () => {
  it('mails the reason and a link; the form opens with «Возвращено на доработку: <причина>» at its top', async () => {
    const coordinator = await site.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
    await reopenResponse(site.db.prisma, { id: coordinator.id, email: coordinator.email }, { responseId, reason: REASON });
    const mail = await mailMatching(/возвращена на доработку/);
    expect(mail.text).toContain(`Причина: ${REASON}`);
    await page.setContent(mail.html as string);
    await site.screenshot(page, 'notify-05-returned-mail');

    await page.goto(linkIn(mail).toString());
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${site.url}/form/nok-2021/**`);
    const banner = page.getByTestId('returned-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Возвращено на доработку: ${REASON}`);
    // At the top of the questionnaire: the first thing in <main>.
    const first = await page.locator('main > :not(.live):not([aria-live])').first().getAttribute('data-testid');
    expect(first).toBe('returned-banner');
    await check('06-returned-banner');
  });
});
