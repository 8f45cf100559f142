// One coherent console (issue 13, items 4 and 5), in real Chromium against a listening server: the
// campaign is chosen once in the app bar and kept across Главная, Респонденты, Анкеты, Аналитика and
// a reload; each list shows that campaign's people and questionnaires only (not a 2021 official as
// «Не приступил 0 %» of 2023), the mails list starts filtered by it and names each mail's campaign; the questionnaire card shows the measures in their section, numbered
// from 1; the audit log speaks Russian (no stored keys or codes) and names a plan target by its
// indicator's printed number. Screens go to test-results/screens/console-campaign-NN-*.png; axe
// checks each one.
import { describe, expect, it } from 'vitest';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { setPlanTargetActual } from '../../api/src/services/plan.ts';
import { reopenResponse } from '../../api/src/services/respondents.ts';
import type { LiveSite } from '../helpers/browser.ts';
import { consoleBrowserTest, COORDINATOR, respondentWith, signInToConsole } from '../helpers/console.ts';
import { measure, section1 } from '../helpers/fixtures2021.ts';

/**
 * 2021 (window open): an Altai official who submitted with five measures, and a Moscow one whose
 * submitted questionnaire was returned for rework. 2023 (window closed since yesterday): a KBR
 * official with a draft. A plan actual entered for indicator 1, 2016.
 */
async function seed(site: LiveSite) {
  const prisma = site.db.prisma;
  const link = async (userId: string, code: string) => {
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code } });
    await prisma.loginLink.create({ data: { userId, campaignId: campaign.id, tokenSha256: `hash-${userId}-${code}` } });
  };
  const altai = await respondentWith(
    site,
    'altai-2021@example.org',
    'nok-2021',
    [
      ['authority', section1],
      ['measures', { measures: [1, 2, 3, 4, 5].map(measure) }],
    ],
    { submitted: true },
  );
  await link(altai.user.id, 'nok-2021');
  const moscow = await respondentWith(site, 'moscow-2021@example.org', 'nok-2021', [['authority', { ...section1, region: 'RU-MOW' }]], {
    submitted: true,
  });
  await link(moscow.user.id, 'nok-2021');
  const kbr = await respondentWith(site, 'kbr-2023@example.org', 'nok-2023', [['authority', { authority_name: 'Минтруд КБР' }]]);
  await link(kbr.user.id, 'nok-2023');
  // Their personal-link mails, as registration queues them.
  for (const [email, code] of [
    ['altai-2021@example.org', 'nok-2021'],
    ['kbr-2023@example.org', 'nok-2023'],
  ] as const) {
    const [user, campaign] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { email } }),
      prisma.campaign.findUniqueOrThrow({ where: { code } }),
    ]);
    await prisma.outboxMail.create({
      data: { template: 'login-link', to: email, data: { userId: user.id, campaignId: campaign.id }, status: 'SENT', sentAt: new Date() },
    });
  }
  const day = 86_400_000;
  await setCampaignWindow(prisma, 'nok-2023', { opensAt: new Date(Date.now() - 20 * day), closesAt: new Date(Date.now() - day) });
  const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: COORDINATOR.email } });
  const actor = { id: coordinator.id, email: coordinator.email };
  await reopenResponse(prisma, actor, { responseId: moscow.responseId!, reason: 'Не указан орган власти' });
  const target = await prisma.planTarget.findFirstOrThrow({ where: { year: 2016, indicator: { number: 1 } } });
  await setPlanTargetActual(prisma, actor, { targetId: target.id, actual: '47,5', reason: 'Отчёт Минтруда' });
}

const t = consoleBrowserTest('console-campaign', { openWindows: ['nok-2021', 'nok-2023'], seed });

const chosen = () => t.page.getByRole('banner').getByRole('combobox', { name: 'Опрос' });
const heading = (name: string | RegExp) => t.page.getByRole('heading', { level: 1, name });
const rows = () => t.page.locator('tbody tr');
const emails = async () => (await rows().allTextContents()).map((text) => text.match(/[\w.-]+@example\.org/)?.[0]).filter(Boolean);

async function choose(year: number) {
  await chosen().click();
  await t.page.getByRole('option', { name: new RegExp(String(year)) }).click();
  await expect.poll(() => chosen().textContent()).toContain(String(year));
}

describe('one campaign across the console', () => {
  it('starts with the campaign people are answering now (2021), chosen in the app bar', async () => {
    await signInToConsole(t);
    await heading('Ход опроса 2021').waitFor();
    expect(await chosen().textContent()).toContain('2021');
    // One campaign choice on the page: the app bar's.
    expect(await t.page.getByRole('combobox', { name: 'Опрос' }).count()).toBe(1);
  });

  it('keeps the chosen campaign across a reload (Главная does not return to another)', async () => {
    await choose(2023);
    await heading('Ход опроса 2023').waitFor();
    await t.page.getByTestId('region-table').waitFor();
    await t.check('01-dashboard-2023');
    await t.page.reload();
    await heading('Ход опроса 2023').waitFor();
    expect(await chosen().textContent()).toContain('2023');
  });

  it('lists the chosen campaign’s respondents and questionnaires only', async () => {
    await t.page.getByRole('menuitem', { name: 'Респонденты' }).click();
    await heading('Респонденты — опрос 2023').waitFor();
    await expect.poll(emails).toEqual(['kbr-2023@example.org']);
    expect(await rows().first().textContent()).toContain('Заполняет');
    await t.check('02-respondents-2023');
    await t.page.getByRole('menuitem', { name: 'Анкеты' }).click();
    await heading('Анкеты — опрос 2023').waitFor();
    await expect.poll(emails).toEqual(['kbr-2023@example.org']);
    // Chosen here, it holds on every page.
    await choose(2021);
    await heading('Анкеты — опрос 2021').waitFor();
    await expect.poll(async () => (await emails()).sort()).toEqual(['altai-2021@example.org', 'moscow-2021@example.org']);
    await t.check('03-responses-2021');
    await t.page.getByRole('menuitem', { name: 'Респонденты' }).click();
    await heading('Респонденты — опрос 2021').waitFor();
    await expect.poll(async () => (await emails()).sort()).toEqual(['altai-2021@example.org', 'moscow-2021@example.org']);
    await t.page.getByRole('menuitem', { name: 'Главная' }).click();
    await heading('Ход опроса 2021').waitFor();
  });

  it('shows the measures in their section of the questionnaire card, numbered from 1', async () => {
    await t.page.getByRole('menuitem', { name: 'Анкеты' }).click();
    await rows().filter({ hasText: 'altai-2021@example.org' }).click();
    const section = t.page.getByRole('region', { name: /^Опишите конкретные мероприятия/ });
    await section.waitFor();
    expect(await section.textContent()).not.toContain('Ответов в разделе нет');
    // The campaign by its title, not its code.
    await t.page
      .locator('main')
      .getByText(/^Мониторинг использования результатов .*\(2021\)$/)
      .waitFor();
    expect(await t.page.locator('main').textContent()).not.toContain('nok-2021');
    const table = section.getByTestId('measures-table');
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Мероприятие 1');
    await t.check('04-response-measures');
  });

  it('opens Аналитика and Напоминания on the chosen campaign, with no choice of their own', async () => {
    await t.page.getByRole('menuitem', { name: 'Аналитика' }).click();
    await heading(/Аналитика/).waitFor();
    expect(await t.page.getByRole('combobox', { name: 'Опрос' }).count()).toBe(1);
    expect(await chosen().textContent()).toContain('2021');
    await t.page.getByRole('menuitem', { name: 'Напоминания', exact: true }).click();
    await heading(/Напоминани/).waitFor();
    expect(await t.page.getByRole('combobox', { name: 'Опрос' }).count()).toBe(1);
    expect(await chosen().textContent()).toContain('2021');
  });

  it('lists the mails of the chosen campaign, each with its campaign', async () => {
    await t.page.getByRole('menuitem', { name: 'Письма' }).click();
    await heading('Отправленные письма').waitFor();
    // 2021's: the link mail and the returned questionnaire's mail; not 2023's.
    await expect.poll(async () => (await emails()).sort()).toEqual(['altai-2021@example.org', 'moscow-2021@example.org']);
    for (const text of await rows().allTextContents()) expect(text).toContain('2021');
    expect(await t.page.getByRole('combobox', { name: 'Письма опроса' }).textContent()).toContain('2021');
    await t.check('05-mails-2021');
  });

  it('writes the audit log in Russian: field names, statuses, decimals, the indicator as printed', async () => {
    await t.page.getByRole('menuitem', { name: 'Журнал действий' }).click();
    await heading('Журнал действий').waitFor();
    const reopened = rows().filter({ hasText: 'Анкета возвращена на доработку' });
    await reopened.waitFor();
    expect(await reopened.textContent()).toContain('статус: Отправлена → Заполняется');
    const actual = rows().filter({ hasText: 'Внесено фактическое значение' });
    expect(await actual.textContent()).toContain('Показатель № 1, 2016 год');
    expect(await actual.textContent()).toContain('факт: — → 47,5');
    const text = (await t.page.locator('main').textContent()) ?? '';
    for (const raw of ['actual:', 'status:', 'SUBMITTED', 'DRAFT', 'Не опубликован', 'Целевой показатель', 'version'])
      expect(text).not.toContain(raw);
    await t.check('06-audit-log');
    await actual.click();
    await t.page.waitForURL(/AuditLog\/.+\/show/);
    await t.page.getByText('показатель №: 1').first().waitFor();
    const show = (await t.page.locator('main').textContent()) ?? '';
    expect(show).toContain('показатель №: 1');
    expect(show).toContain('факт: 47,5');
    expect(show).not.toMatch(/"actual"|indicator/);
    await t.check('07-audit-entry');
    expect(t.problems).toEqual([]);
  });
});
