// Measures and authorities in the coordinators' console, in real Chromium against a listening
// server: list measures of sent questionnaires, narrow them by type group, open one, read the summary
// by type and region; list authorities, open one with its measures and correct its name (a duplicate
// is refused inside the dialog, the correction is saved and audited). Screens go to
// test-results/screens/console-measures-NN-*.png; axe checks each one.
import { describe, expect, it } from 'vitest';
import type { LiveSite } from '../helpers/browser.ts';
import { consoleBrowserTest, COORDINATOR, respondentWith, signInToConsole } from '../helpers/console.ts';
import { measure, section1 } from '../helpers/fixtures2021.ts';

const HEALTH_TYPO = 'Министерство здравоохраненя Алтайского края';
const HEALTH = 'Министерство здравоохранения Алтайского края';

const typed = (n: number, type: string, extra: Record<string, unknown> = {}) => ({ ...measure(n), type, ...extra });

/** Two sent questionnaires from Altai (ten measures) and a draft from Moscow (five more). */
async function seed(site: LiveSite) {
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
}

const t = consoleBrowserTest('console-measures', { openWindows: ['nok-2021'], seed });

const rows = () => t.page.locator('main tbody tr');

describe('measures and authorities in the console', () => {
  it('signs in', async () => {
    await signInToConsole(t);
  });

  it('lists measures of sent questionnaires and narrows them by type group', async () => {
    await t.page.getByRole('menuitem', { name: 'Мероприятия по итогам НОК' }).click();
    await rows().filter({ hasText: 'Мероприятие 1' }).first().waitFor();
    await expect.poll(() => rows().count()).toBe(10);
    expect(await t.page.locator('main').textContent()).not.toContain('Мероприятие 11');
    await t.page.getByRole('combobox', { name: 'Группа мер' }).click();
    await t.page.getByRole('option', { name: 'Работа с кадрами', exact: true }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Премирование работников');
    await t.check('01-list-by-group');
  });

  it('opens a measure with its questionnaire', async () => {
    await rows().first().click();
    await t.page.waitForURL(/\/Measure\/\d+\/show$/);
    await t.page.getByRole('link', { name: /social@altai\.example/ }).waitFor();
    const main = await t.page.locator('main').textContent();
    expect(main).toContain('Премирование работников');
    expect(main).toContain('social@altai.example');
    expect(main).toContain(section1.authority_name);
    expect(main).toContain('Меры материальной и нематериальной мотивации');
    await t.check('02-show');
  });

  it('shows the summary by type group, type and region, drafts left out', async () => {
    await t.page.goto(`${t.site.url}/admin/#/measures/summary`);
    await t.page.getByRole('heading', { name: 'Мероприятия по типам и субъектам РФ' }).waitFor();
    await t.page.getByTestId('measure-total').filter({ hasText: 'Всего: 10 мероприятий' }).waitFor();
    const groups = await t.page.getByTestId('summary-group').allTextContents();
    expect(groups).toEqual([
      'Организационные меры550%',
      'Прикладные меры, предпринимаемые по итогам проведения оценки330%',
      'Работа с кадрами110%',
      'Иное110%',
    ]);
    const types = await t.page.getByTestId('summary-type').allTextContents();
    expect(types).toHaveLength(8);
    expect(types.filter((text) => text.endsWith('00%'))).toHaveLength(3); // management decisions, disciplinary, professional development
    expect(await t.page.getByTestId('summary-region').allTextContents()).toEqual(['Алтайский край10100%22']);
    await t.page.getByRole('img', { name: /Мероприятия по типам мер/ }).waitFor();
    await t.check('03-summary');
    await t.page.getByRole('switch', { name: 'Только отправленные анкеты' }).uncheck();
    await t.page.getByTestId('measure-total').filter({ hasText: 'Всего: 15 мероприятий' }).waitFor();
    expect(await t.page.getByTestId('summary-region').allTextContents()).toEqual(['Алтайский край1066,7%22', 'Москва533,3%11']);
    await t.check('04-summary-with-drafts');
  });

  it('lists authorities, opens one with its measures and corrects its name', async () => {
    await t.page.getByRole('menuitem', { name: 'Органы власти' }).click();
    const row = rows().filter({ hasText: HEALTH_TYPO });
    await row.waitFor();
    expect(await rows().count()).toBe(3);
    expect(await row.textContent()).toContain('Алтайский край');
    await t.check('05-authorities');
    await row.click();
    await t.page.getByRole('heading', { name: 'Мероприятия из анкет этого органа власти' }).waitFor();
    await expect.poll(() => rows().count()).toBe(5);
    await t.page.getByRole('button', { name: 'Исправить наименование или сферу' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Исправить орган власти' });
    const name = dialog.getByLabel(/^Наименование органа власти/);
    // A name another Altai authority already has is refused inside the dialog; nothing changes.
    await name.fill(section1.authority_name);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'В этом субъекте уже есть орган власти' }).waitFor();
    await t.check('06-edit-refused', { dialog: true });
    expect(await t.site.db.prisma.authority.count({ where: { name: HEALTH_TYPO } })).toBe(1);
    expect(await t.site.db.prisma.auditLog.count()).toBe(0);
    await name.fill(HEALTH);
    await dialog.getByRole('combobox', { name: 'Сфера' }).click();
    await t.page.getByRole('option', { name: 'Здравоохранение' }).click();
    await dialog.getByLabel(/^Причина/).fill('Опечатка в наименовании');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Изменения сохранены' }).waitFor();
    await t.page.locator('main').getByText(HEALTH, { exact: true }).first().waitFor();
    const saved = await t.site.db.prisma.authority.findFirstOrThrow({ where: { name: HEALTH }, include: { sphere: true } });
    expect(saved.sphere?.code).toBe('health');
    const [entry] = await t.site.db.prisma.auditLog.findMany({ where: { action: 'authority.update' } });
    expect(entry).toMatchObject({ actorEmail: COORDINATOR.email, subjectId: String(saved.id), reason: 'Опечатка в наименовании' });
    expect(entry!.before).toMatchObject({ name: HEALTH_TYPO, sphereId: null });
    await t.check('07-authority-corrected');
  });

  it('raised no script errors or policy refusals', () => {
    expect(t.problems).toEqual([]);
  });
});
