// Measures and authorities in the coordinators' console, in real Chromium against a listening
// server: list measures of sent questionnaires, narrow them by type group, open one, read the summary
// by type and region; list authorities, open one with its measures and correct its name (a duplicate
// is refused inside the dialog, the correction is saved and audited). Screens go to
// test-results/screens/console-measures-NN-*.png; axe checks each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { openBrowserSession, startLiveSite, type LiveSite, type ScreenCheck } from '../helpers/browser.ts';
import { respondentWith, submitConsoleSignIn } from '../helpers/console.ts';
import { measure, section1 } from '../helpers/fixtures2021.ts';

let site: LiveSite;
let context: BrowserContext;
let page: Page;
let check: ScreenCheck;
let pageErrors: string[] = [];

const coordinator = { email: 'coordinator@vcot.example', password: 'correct horse battery' };
const HEALTH_TYPO = 'Министерство здравоохраненя Алтайского края';
const HEALTH = 'Министерство здравоохранения Алтайского края';

const typed = (n: number, type: string, extra: Record<string, unknown> = {}) => ({ ...measure(n), type, ...extra });

beforeAll(async () => {
  site = await startLiveSite();
  await setCampaignWindow(site.db.prisma, 'nok-2021', {
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 10 * 86_400_000),
  });
  await createCoordinator(site.db.prisma, coordinator);
  await respondentWith(
    site,
    'social@altai.example',
    'nok-2021',
    [
      ['authority', section1],
      [
        'measures',
        {
          measures: [
            typed(1, 'material_base'),
            typed(2, 'material_base'),
            typed(3, 'information_environment'),
            typed(4, 'motivation', { title: 'Премирование работников' }),
            typed(5, 'other'),
          ],
        },
      ],
    ],
    { submitted: true },
  );
  await respondentWith(
    site,
    'health@altai.example',
    'nok-2021',
    [
      ['authority', { ...section1, authority_name: HEALTH_TYPO }],
      ['measures', { measures: [6, 7, 8, 9, 10].map((n) => typed(n, 'interaction_with_authorities')) }],
    ],
    { submitted: true },
  );
  // A draft from Moscow: its disciplinary measures stay out of «только отправленные».
  await respondentWith(site, 'labour@moscow.example', 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', authority_name: 'Департамент труда г. Москвы' }],
    ['measures', { measures: [11, 12, 13, 14, 15].map((n) => typed(n, 'disciplinary')) }],
  ]);
  ({ context, page, check, problems: pageErrors } = await openBrowserSession(site, 'console-measures'));
  await fetch(`${site.url}/assets/console.js`);
}, 120_000);

afterAll(async () => {
  if (check) console.log(check.report());
  await context?.close();
  await site?.close();
});

const rows = () => page.locator('main tbody tr');

describe('measures and authorities in the console', () => {
  it('signs in', async () => {
    await page.goto(`${site.url}/admin/`);
    await submitConsoleSignIn(page, coordinator);
    await page.getByRole('heading', { name: 'Ход опроса', level: 1 }).waitFor();
  });

  it('lists measures of sent questionnaires and narrows them by type group', async () => {
    await page.getByRole('menuitem', { name: 'Мероприятия по итогам НОК' }).click();
    await rows().filter({ hasText: 'Мероприятие 1' }).first().waitFor();
    await expect.poll(() => rows().count()).toBe(10);
    expect(await page.locator('main').textContent()).not.toContain('Мероприятие 11');
    await page.getByRole('combobox', { name: 'Группа мер' }).click();
    await page.getByRole('option', { name: 'Работа с кадрами', exact: true }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Премирование работников');
    await check('01-list-by-group');
  });

  it('opens a measure with its questionnaire', async () => {
    await rows().first().click();
    await page.waitForURL(/\/Measure\/\d+\/show$/);
    await page.getByRole('link', { name: /social@altai\.example/ }).waitFor();
    const main = await page.locator('main').textContent();
    expect(main).toContain('Премирование работников');
    expect(main).toContain('social@altai.example');
    expect(main).toContain(section1.authority_name);
    expect(main).toContain('Меры материальной и нематериальной мотивации');
    await check('02-show');
  });

  it('shows the summary by type group, type and region, drafts left out', async () => {
    await page.goto(`${site.url}/admin/#/measures/summary`);
    await page.getByRole('heading', { name: 'Мероприятия по типам и субъектам РФ' }).waitFor();
    await page.getByTestId('measure-total').filter({ hasText: 'Всего: 10 мероприятий' }).waitFor();
    const groups = await page.getByTestId('summary-group').allTextContents();
    expect(groups).toEqual([
      'Организационные меры550%',
      'Прикладные меры, предпринимаемые по итогам проведения оценки330%',
      'Работа с кадрами110%',
      'Иное110%',
    ]);
    const types = await page.getByTestId('summary-type').allTextContents();
    expect(types).toHaveLength(8);
    expect(types.filter((text) => text.endsWith('00%'))).toHaveLength(3); // management decisions, disciplinary, professional development
    expect(await page.getByTestId('summary-region').allTextContents()).toEqual(['Алтайский край10100%22']);
    await page.getByRole('img', { name: /Мероприятия по типам мер/ }).waitFor();
    await check('03-summary');
    await page.getByRole('switch', { name: 'Только отправленные анкеты' }).uncheck();
    await page.getByTestId('measure-total').filter({ hasText: 'Всего: 15 мероприятий' }).waitFor();
    expect(await page.getByTestId('summary-region').allTextContents()).toEqual(['Алтайский край1066,7%22', 'Москва533,3%11']);
    await check('04-summary-with-drafts');
  });

  it('lists authorities, opens one with its measures and corrects its name', async () => {
    await page.getByRole('menuitem', { name: 'Органы власти' }).click();
    const row = rows().filter({ hasText: HEALTH_TYPO });
    await row.waitFor();
    expect(await rows().count()).toBe(3);
    expect(await row.textContent()).toContain('Алтайский край');
    await check('05-authorities');
    await row.click();
    await page.getByRole('heading', { name: 'Мероприятия из анкет этого органа власти' }).waitFor();
    await expect.poll(() => rows().count()).toBe(5);
    await page.getByRole('button', { name: 'Исправить наименование или сферу' }).click();
    const dialog = page.getByRole('dialog', { name: 'Исправить орган власти' });
    const name = dialog.getByLabel(/^Наименование органа власти/);
    // A name another Altai authority already has is refused inside the dialog; nothing changes.
    await name.fill(section1.authority_name);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'В этом субъекте уже есть орган власти' }).waitFor();
    await check('06-edit-refused', { dialog: true });
    expect(await site.db.prisma.authority.count({ where: { name: HEALTH_TYPO } })).toBe(1);
    expect(await site.db.prisma.auditLog.count()).toBe(0);
    await name.fill(HEALTH);
    await dialog.getByRole('combobox', { name: 'Сфера' }).click();
    await page.getByRole('option', { name: 'Здравоохранение' }).click();
    await dialog.getByLabel(/^Причина/).fill('Опечатка в наименовании');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('status').filter({ hasText: 'Изменения сохранены' }).waitFor();
    await page.locator('main').getByText(HEALTH, { exact: true }).first().waitFor();
    const saved = await site.db.prisma.authority.findFirstOrThrow({ where: { name: HEALTH }, include: { sphere: true } });
    expect(saved.sphere?.code).toBe('health');
    const [entry] = await site.db.prisma.auditLog.findMany({ where: { action: 'authority.update' } });
    expect(entry).toMatchObject({ actorEmail: coordinator.email, subjectId: String(saved.id), reason: 'Опечатка в наименовании' });
    expect(entry!.before).toMatchObject({ name: HEALTH_TYPO, sphereId: null });
    await check('07-authority-corrected');
  });

  it('raised no script errors or policy refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});
