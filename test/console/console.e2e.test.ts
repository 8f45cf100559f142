// The coordinators' console in real Chromium against a listening server: sign in at /admin/, read
// the dashboard (counts, 89 regions), close the window through its confirmation dialog (the
// database and the audit log record it; a respondent's save is then refused), see a refused move,
// and read the audit log. Screens go to test-results/screens/console-*.png; axe checks each one.
import { describe, expect, it } from 'vitest';
import { WindowClosedError } from '../../api/src/services/errors.ts';
import { saveSection } from '../../api/src/services/responses.ts';
import type { LiveSite } from '../helpers/browser.ts';
import { consoleBrowserTest, COORDINATOR, submitConsoleSignIn } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let respondentId: string;

/** Three responses in two regions and two registered people who have not started (as in the API test). */
async function seedResponses(site: LiveSite) {
  const prisma = site.db.prisma;
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const [altai, moscow] = await Promise.all(['RU-ALT', 'RU-MOW'].map((code) => prisma.region.findUniqueOrThrow({ where: { code } })));
  const fixtures = [
    {
      email: 'a1@example.org',
      region: altai!.id,
      status: 'SUBMITTED' as const,
      completion: 100,
      sections: { authority: 100, situation: 100, measures: 100, development: 100 },
    },
    {
      email: 'a2@example.org',
      region: altai!.id,
      status: 'DRAFT' as const,
      completion: 82,
      sections: { authority: 100, situation: 80, measures: 0, development: 0 },
    },
    {
      email: 'm1@example.org',
      region: moscow!.id,
      status: 'DRAFT' as const,
      completion: 45,
      sections: { authority: 100, situation: 0, measures: 0, development: 0 },
    },
  ];
  for (const fixture of fixtures) {
    const user = await prisma.user.create({ data: { email: fixture.email } });
    await prisma.response.create({
      data: {
        campaignId: campaign.id,
        respondentId: user.id,
        regionId: fixture.region,
        status: fixture.status,
        completion: fixture.completion,
        sectionCompletion: fixture.sections,
      },
    });
    await prisma.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `hash-${fixture.email}` } });
  }
  for (const email of ['n1@example.org', 'n2@example.org']) {
    const user = await prisma.user.create({ data: { email } });
    await prisma.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `hash-${email}` } });
    if (email === 'n1@example.org') respondentId = user.id;
  }
}

const t = consoleBrowserTest('console', { openWindows: ['nok-2021'], seed: seedResponses });

describe('the coordinators’ console', () => {
  it('serves the Russian shell at /admin/ and signs a coordinator in', async () => {
    const response = await t.page.goto(`${t.site.url}/admin/`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await t.page.title()).toBe('Консоль координатора — Мониторинг результатов НОК');
    expect(await t.page.getAttribute('html', 'lang')).toBe('ru');
    await t.page.getByLabel('Электронная почта').waitFor();
    await t.check('01-login');
    await submitConsoleSignIn(t.page, COORDINATOR);
    await t.page.getByRole('heading', { name: 'Ход опроса', level: 1 }).waitFor();
    expect(await t.site.db.prisma.session.count()).toBe(1);
  });

  it('shows the counts and all 89 regions of the chosen campaign', async () => {
    await t.page.getByRole('combobox', { name: 'Опрос' }).click();
    await t.page.getByRole('option', { name: /2021/ }).click();
    const table = t.page.getByTestId('region-table');
    await table.locator('tbody tr[data-region="RU-ALT"]').getByText('91%').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(89);
    expect(await table.locator('tbody tr').filter({ hasText: 'не участвует' }).count()).toBe(87);
    const card = (label: string) => t.page.getByRole('region', { name: label });
    expect(await card('Зарегистрировано').textContent()).toContain('5');
    expect(await card('Не приступили').textContent()).toContain('40%');
    expect(await card('Заполняют').textContent()).toContain('40%');
    expect(await card('Отправили анкету').textContent()).toContain('20%');
    expect(await card('Осталось').textContent()).toMatch(/(9|10) дн/);
    expect(await t.page.getByTestId('window-state').textContent()).toContain('Открыт');
    // Sorting by completion puts Altai (91%) first when descending.
    await table.getByRole('button', { name: 'Заполненность' }).click();
    expect(await table.locator('tbody tr').first().getAttribute('data-region')).toBe('RU-ALT');
    // Each section's column sorts too; the legend names the sections of this questionnaire.
    await table.getByRole('button', { name: 'Раздел 2, %' }).click();
    expect(await table.locator('tbody tr').first().getAttribute('data-region')).toBe('RU-ALT');
    expect(await table.locator('tbody tr[data-region="RU-ALT"] td').nth(6).textContent()).toBe('90');
    expect(await t.page.getByTestId('section-legend').locator('li').allTextContents()).toEqual([
      'Сведения об органе власти',
      expect.stringMatching(/^Охарактеризуйте текущую ситуацию/),
      expect.stringMatching(/^Опишите конкретные мероприятия/),
      'Развитие системы НОК',
    ]);
    await t.check('02-dashboard', { top: true });
  });

  it('closes the window through the confirmation dialog; the database and the audit log record it', async () => {
    await t.page.getByRole('button', { name: 'Закрыть сейчас' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Закрыть приём ответов сейчас' });
    await expect(dialog.getByTestId('confirm-consequence').textContent()).resolves.toBe(
      'Приём ответов будет закрыт немедленно. Респонденты не смогут сохранять и отправлять анкеты. Плановые сроки опроса в анкете и текстах не изменятся.',
    );
    const before = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await dialog.getByLabel('Причина (необязательно)').fill('Срок истёк');
    await t.check('03-close-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Готово' }).waitFor();
    expect(await t.page.getByRole('status').filter({ hasText: 'Готово' }).textContent()).toContain('Приём ответов: закрыт');
    await t.page.getByTestId('window-state').getByText('Закрыт').waitFor();

    const campaign = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    expect(campaign.closesAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Only the window ends: the planned period (what the form and texts name) stays as it was.
    expect(before.plannedClosesAt).toEqual(before.closesAt);
    expect(campaign.plannedOpensAt).toEqual(before.plannedOpensAt);
    expect(campaign.plannedClosesAt).toEqual(before.plannedClosesAt);
    expect(campaign.plannedClosesAt!.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    await expect.poll(() => t.page.getByTestId('window-planned').textContent()).toContain('(приём закрыт досрочно)');
    const result = await t.site.web.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ campaign(code: "nok-2021") { windowState } }' }),
    });
    expect(((await result.json()) as any).data.campaign.windowState).toBe('CLOSED');
    const entries = await t.site.db.prisma.auditLog.findMany({ where: { action: 'campaign.window.close' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: COORDINATOR.email, subjectType: 'Campaign', subjectId: 'nok-2021', reason: 'Срок истёк' });
    await t.check('04-closed', { dialog: true });
  });

  it('refuses a respondent’s save once the window is closed', async () => {
    await expect(
      saveSection(t.site.db.prisma, respondentId, { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 }),
    ).rejects.toBeInstanceOf(WindowClosedError);
  });

  it('shows the API’s refusal of dates that do not make sense, and changes nothing', async () => {
    const before = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.page.getByRole('button', { name: 'Изменить сроки' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Изменить сроки приёма ответов' });
    await dialog.getByLabel('Дата открытия').fill('2030-01-10');
    await dialog.getByLabel('Дата закрытия (включительно)').fill('2030-01-01');
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await dialog.getByRole('alert').getByText('Дата закрытия должна быть позже даты открытия.').waitFor();
    await t.check('05-move-refused', { dialog: true });
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    expect(await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).toEqual(before);
  });

  it('extends the window for one region through its dialog', async () => {
    await t.page.getByRole('button', { name: 'Продлить для региона' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Продлить приём ответов для региона' });
    await dialog.getByRole('combobox', { name: /Регион/ }).click();
    await t.page.getByRole('option', { name: 'Алтайский край', exact: true }).click();
    const until = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' });
    await dialog.getByLabel(/Продлить до/).fill(until);
    await expect(dialog.getByTestId('confirm-consequence').textContent()).resolves.toContain(
      'Респонденты региона «Алтайский край» смогут сохранять и отправлять анкеты до',
    );
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Алтайский край' }).waitFor();
    expect(await t.site.db.prisma.regionWindowExtension.count()).toBe(1);
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'campaign.window.extend_region' } })).toBe(1);
    // The window panel lists the extension after the dashboard reloads.
    await expect.poll(() => t.page.getByTestId('window-extensions').textContent()).toMatch(/Алтайский край — до .+ 23:59 МСК/);
  });

  it('opens the window again until the planned end, without asking for a date since it has not passed', async () => {
    const before = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.page.getByRole('button', { name: 'Открыть сейчас' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Открыть приём ответов сейчас' });
    await expect(dialog.getByTestId('confirm-consequence').textContent()).resolves.toMatch(
      /^Приём ответов будет открыт немедленно и продлится до планового окончания \(.+ МСК\)\./,
    );
    expect(await dialog.getByRole('button', { name: 'Подтвердить' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await t.page.getByTestId('window-state').getByText('Открыт').waitFor();
    const campaign = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    // Open again until the planned end, which is kept as it was.
    expect(campaign.closesAt).toEqual(before.plannedClosesAt);
    expect(campaign.plannedClosesAt).toEqual(before.plannedClosesAt);
    expect(campaign.plannedOpensAt).toEqual(before.plannedOpensAt);
    expect(campaign.closesAt.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(campaign.opensAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('lists the closing in the audit log', async () => {
    await t.page.getByRole('menuitem', { name: 'Журнал действий' }).click();
    const row = t.page.locator('tbody tr').filter({ hasText: 'Приём ответов закрыт' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(COORDINATOR.email);
    expect(text).toContain('Опрос nok-2021');
    expect(text).toContain('Срок истёк');
    expect(text).toMatch(/закрытие: .+ → .+/);
    await t.check('06-audit-log');
    // Filters by who and when: another coordinator's address or a day before today leave nothing.
    await t.page.getByLabel('Кто (адрес)').fill('someone-else');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await t.page.getByLabel('Кто (адрес)').fill(COORDINATOR.email.slice(0, 6));
    await row.waitFor();
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' });
    await t.page.getByLabel('По дату').fill(yesterday);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    // «По» a day includes that whole day.
    await t.page.getByLabel('По дату').fill(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' }));
    await row.waitFor();
  });

  it('lists best practices (filtered by sphere and words) and the plan’s targets beside actuals', async () => {
    await t.page.getByRole('menuitem', { name: 'Лучшие практики' }).click();
    await t.page.locator('tbody tr').first().waitFor();
    await t.page.getByRole('combobox', { name: 'Сфера' }).click();
    await t.page.getByRole('option', { name: 'Культура', exact: true }).click();
    await t.page.getByLabel('Поиск по тексту').fill('премирование');
    const expected = await t.site.db.prisma.practice.count({
      where: { sphere: { name: 'Культура' }, text: { contains: 'премирование', mode: 'insensitive' } },
    });
    expect(expected).toBeGreaterThan(0);
    await expect.poll(async () => decodeURIComponent(t.page.url()), { timeout: 10_000 }).toContain('премирование');
    await expect
      .poll(async () => t.page.locator('.MuiTablePagination-displayedRows').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`из ${expected}$`));
    const spheres = await t.page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(spheres.length).toBeGreaterThan(0);
    expect(new Set(spheres)).toEqual(new Set(['Культура']));
    await t.check('07-practices');
    await t.page.locator('tbody tr').first().click();
    await t.page.getByText('Описание практики').waitFor();
    expect((await t.page.locator('main').textContent())!.toLowerCase()).toContain('премирование');
    await t.check('07b-practice-show');
    await t.page.getByRole('menuitem', { name: 'Целевые показатели' }).click();
    await t.page.locator('tbody tr').first().getByText('Факт', { exact: true }).waitFor();
    await t.check('08-plan-indicators');
  });

  it('lists regions, plan activities and campaigns, and signs out', async () => {
    await t.page.getByRole('menuitem', { name: 'Субъекты РФ' }).click();
    await expect.poll(async () => t.page.locator('.MuiTablePagination-displayedRows').textContent()).toMatch(/из 89$/);
    await t.page.getByRole('menuitem', { name: 'Мероприятия плана' }).click();
    await t.page.locator('tbody tr').first().waitFor();
    // What the document does not print is marked (issue 14, point 6): «1.6а»'s number, and the owners
    // that 1.1–1.11 take from activity 1's merged cell.
    const unnumbered = t.page.locator('tbody tr').filter({ hasText: '1.6а' });
    await unnumbered.getByText('Номер не напечатан в документе; присвоен по порядку', { exact: true }).waitFor({ timeout: 30_000 });
    await unnumbered.getByText('Исполнители указаны у пункта 1 (объединённая ячейка)', { exact: true }).waitFor();
    expect(await t.page.getByText('Номер не напечатан в документе; присвоен по порядку', { exact: true }).count()).toBe(1);
    expect(await t.page.getByText('Исполнители указаны у пункта 1 (объединённая ячейка)', { exact: true }).count()).toBe(12);
    await t.check('09-plan-activities');
    await t.page.getByRole('menuitem', { name: 'Опросы' }).click();
    await t.page.locator('tbody tr').filter({ hasText: 'nok-2021' }).waitFor();
    expect(await t.page.locator('tbody tr').filter({ hasText: 'nok-2021' }).textContent()).toContain('Открыт');
    await t.check('10-campaigns');
    await t.page.getByRole('button', { name: 'coordinator@vcot.example' }).click();
    await t.page.getByRole('menuitem', { name: 'Выйти' }).click();
    await t.page.getByLabel('Электронная почта').waitFor();
    expect(await t.site.db.prisma.session.count()).toBe(0);
    expect(t.problems).toEqual([]);
  });
});
