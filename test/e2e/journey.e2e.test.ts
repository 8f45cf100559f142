// The respondent journey in real Chromium against a listening server and a real SMTP server:
// register → read the mail → open the link → «Войти» → fill the 2021 questionnaire → 82% → 100% →
// submit → read-only. Screens are saved in test-results/screens/; axe-core checks each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { startLiveSite, type LiveSite } from '../helpers/browser.ts';
import { linkIn } from '../helpers/smtp.ts';

let site: LiveSite;
let context: BrowserContext;
let page: Page;
const screens: string[] = [];
const axeReport: Record<string, { id: string; impact: string | null; help: string; nodes: number }[]> = {};

async function check(name: string) {
  screens.push(await site.screenshot(page, name));
  const violations = await site.axe(page);
  axeReport[name] = violations;
  expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'), name).toEqual([]);
}

beforeAll(async () => {
  site = await startLiveSite();
  await setCampaignWindow(site.db.prisma, 'nok-2021', { opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 7 * 86_400_000) });
  context = await site.browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  console.log(`screens:\n${screens.join('\n')}`);
  console.log(`axe violations by screen: ${JSON.stringify(axeReport)}`);
  await context?.close();
  await site?.close();
});

describe('registration in the browser', () => {
  it('registers with the robot check and the consent', async () => {
    await page.goto(`${site.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Мониторинг использования результатов');
    await check('01-registration');
    await page.getByLabel('Адрес электронной почты').fill('official@altai.example');
    await page.getByText('Я не робот').click();
    await page.waitForFunction(() => (document.querySelector('input[name="altcha"]') as HTMLInputElement | null)?.value.length! > 10, null, { timeout: 30_000 });
    await page.getByLabel(/Я согласен на обработку персональных данных/).check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.waitForURL(`${site.url}/registered`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Учетная запись создана успешно');
    await check('02-registered');
  });

  it('receives the mail and signs in through «Войти»', async () => {
    const [mail] = await site.mailbox.waitFor(1, 20_000);
    expect(mail!.subject).toBe('Мониторинг результатов НОК');
    const link = linkIn(mail!);
    await page.goto(link.toString());
    await check('03-sign-in');
    expect(await site.db.prisma.session.count()).toBe(0);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${site.url}/form/nok-2021/`);
    expect(await site.db.prisma.session.count()).toBe(1);
  });
});
