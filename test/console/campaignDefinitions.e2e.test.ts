// Campaign questionnaires in the coordinators' console, in real Chromium against a listening server:
// import a modified copy of nok-2021.json under a new code through the file picker (previewed, then
// created as a draft), open it, edit an option's label and help, see an invalid edit refused with a
// Russian message, download the definition, and see why a published campaign cannot be edited.
// Screens go to test-results/screens/console-definitions-NN-*.png; axe checks each one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prismaDir } from '../../api/src/db/migrations.ts';
import { campaignDefinition } from '../../api/src/services/campaigns.ts';
import { definitionDigest } from '../../api/src/survey/canonical.ts';
import { consoleBrowserTest, signInToConsole } from '../helpers/console.ts';

// Downloads are accepted (playwright's default), so the stored definition can be saved.
const t = consoleBrowserTest('console-definitions');

/** nok-2021.json under a new code and title: a draft for next year. */
const draftDocument = () => {
  const document = JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2021.json'), 'utf8'));
  return { ...document, code: 'nok-2024-draft', title: 'Мониторинг НОК 2024 (черновик)', year: 2024 };
};

async function pickFile(name: string, content: string) {
  await t.page.getByTestId('definition-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

describe('campaign definitions in the console', () => {
  it('signs in and opens the campaigns', async () => {
    await signInToConsole(t);
    await t.page.getByRole('menuitem', { name: 'Опросы' }).click();
    await t.page.locator('tbody tr').filter({ hasText: 'nok-2021' }).waitFor();
  });

  it('refuses a broken file, listing every problem with its path; nothing is stored', async () => {
    const broken = draftDocument();
    delete broken.title;
    broken.sections[0].questions[4].options[1].code = broken.sections[0].questions[4].options[0].code;
    broken.sections[1].questions[0].requried = true;
    await pickFile('broken.json', JSON.stringify(broken));
    const dialog = t.page.getByRole('dialog', { name: 'Импорт определения опроса' });
    const error = dialog.getByTestId('import-error');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain('ничего не импортировано');
    expect(text).toContain('title');
    expect(text).toContain('Обязательное поле «title» не заполнено.');
    expect(text).toContain('sections[1].questions[0]');
    expect(text).toContain('Неизвестное поле «requried»');
    // The duplicate option code is found although the file's shape is wrong elsewhere too.
    expect(text).toContain('sections[0].questions[4].options[1].code');
    expect(await dialog.getByTestId('field-problems').locator('li').count()).toBe(3);
    expect(await dialog.getByRole('button', { name: 'Импортировать' }).count()).toBe(0);
    await t.check('01-import-errors', { dialog: true });
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Not JSON at all.
    await pickFile('notes.json', '{ "code": ');
    expect(await dialog.getByTestId('import-error').textContent()).toMatch(/не является корректным JSON/);
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    expect(await t.site.db.prisma.campaign.count({ where: { code: 'nok-2024-draft' } })).toBe(0);
  });

  it('imports a modified copy of nok-2021.json under a new code as a draft', async () => {
    await pickFile('nok-2024-draft.json', JSON.stringify(draftDocument(), null, 2));
    const dialog = t.page.getByRole('dialog', { name: 'Импорт определения опроса' });
    const plan = dialog.getByTestId('import-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(
      /Новый опрос\. Будет создан новый опрос «Мониторинг НОК 2024 \(черновик\)» \(код nok-2024-draft\) в состоянии «Черновик»: 4 раздела/,
    );
    await dialog.getByLabel('Причина (необязательно)').fill('Анкета 2024 года');
    await t.check('02-import-preview', { dialog: true });
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = t.page.locator('tbody tr').filter({ hasText: 'nok-2024-draft' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Черновик');
    const campaign = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2024-draft' } });
    expect(campaign.state).toBe('DRAFT');
    expect(
      await t.site.db.prisma.auditLog.count({
        where: { action: 'campaign.definition.import', subjectId: 'nok-2024-draft', reason: 'Анкета 2024 года' },
      }),
    ).toBe(1);
    await t.check('03-list-with-draft');
    // The same file again: «без изменений», nothing to import.
    await pickFile('nok-2024-draft.json', JSON.stringify(draftDocument()));
    expect(await dialog.getByTestId('import-plan').textContent()).toMatch(/Без изменений/);
    expect(await dialog.getByRole('button', { name: 'Импортировать' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the draft questionnaire and edits an option label and help', async () => {
    await t.page.locator('tbody tr').filter({ hasText: 'nok-2024-draft' }).click();
    const question = t.page.getByRole('article', { name: /Полномочия лица, заполняющего анкету/ });
    await question.waitFor();
    expect(await t.page.getByTestId('questionnaire-note').textContent()).toMatch(/Это черновик/);
    expect(await question.textContent()).toContain('Несколько вариантов');
    expect(await question.textContent()).toContain('Обязательный');
    expect(
      await t.page.getByRole('article', { name: 'Полное наименование органа власти' }).getByRole('button', { name: 'Изменить подсказку' }).count(),
    ).toBe(1);
    await t.check('04-draft-show');
    await question.getByRole('button', { name: 'Изменить варианты и подсказку' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Изменить варианты и подсказку' });
    const first = dialog.getByRole('group', { name: 'Вариант 1' });
    await first.getByLabel('Текст').fill('Размещение информации о результатах НОК на bus.gov.ru');
    await first.getByLabel('Подсказка').fill('Официальный сайт для размещения информации о государственных и муниципальных учреждениях');
    await dialog.getByLabel('Подсказка к вопросу').fill('Отметьте все полномочия из приказа.');
    await t.check('05-edit-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => question.textContent()).toContain('Размещение информации о результатах НОК на bus.gov.ru');
    expect(await question.textContent()).toContain('Официальный сайт для размещения информации');
    expect(await question.getByTestId('question-help').textContent()).toBe('Подсказка: Отметьте все полномочия из приказа.');
    const campaign = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2024-draft' } });
    expect(campaign.definitionSha256).toBe(definitionDigest(campaign.definition));
    const powers = campaignDefinition(campaign).sections[0]!.questions.find((item) => item.code === 'respondent_powers')!;
    expect('options' in powers && powers.options[0]).toMatchObject({
      label: 'Размещение информации о результатах НОК на bus.gov.ru',
      help: expect.stringContaining('Официальный сайт'),
    });
    expect(
      await t.site.db.prisma.auditLog.count({ where: { action: 'campaign.definition.edit', subjectId: 'nok-2024-draft/respondent_powers' } }),
    ).toBe(1);
  });

  it('refuses an invalid edit with a Russian message in the dialog; nothing changes', async () => {
    const before = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2024-draft' } });
    const question = t.page.getByRole('article', { name: /Полномочия лица, заполняющего анкету/ });
    await question.getByRole('button', { name: 'Изменить варианты и подсказку' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Изменить варианты и подсказку' });
    const firstCode = await dialog.getByRole('group', { name: 'Вариант 1' }).getByLabel('Код').inputValue();
    await dialog.getByRole('button', { name: 'Добавить вариант' }).click();
    const rows = await dialog.locator('fieldset').count();
    const added = dialog.getByRole('group', { name: `Вариант ${rows}` });
    await added.getByLabel('Код').fill(firstCode);
    await added.getByLabel('Текст').fill('Повтор');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    const error = dialog.getByTestId('confirm-refusal');
    await error.waitFor();
    expect(await error.textContent()).toBe(`Вариант ${rows}: код «${firstCode}» уже есть у варианта 1; коды вариантов должны быть разными.`);
    expect(await added.textContent()).toContain('уже есть у варианта 1');
    await t.check('06-edit-refused', { dialog: true });
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    const after = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2024-draft' } });
    expect(after.definitionSha256).toBe(before.definitionSha256);
  });

  it('downloads the definition, which is the stored document', async () => {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('button', { name: 'Скачать определение' }).click()]);
    expect(download.suggestedFilename()).toBe('nok-2024-draft.json');
    const file = await download.path();
    const document = JSON.parse(readFileSync(file, 'utf8'));
    const campaign = await t.site.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2024-draft' } });
    expect(definitionDigest(document)).toBe(campaign.definitionSha256);
  });

  it('offers no edits on a published campaign and says why', async () => {
    await t.page.getByRole('menuitem', { name: 'Опросы' }).click();
    await t.page.locator('tbody tr').filter({ hasText: 'nok-2021' }).filter({ hasNotText: 'nok-2024' }).first().click();
    await t.page.getByRole('article', { name: /Полномочия лица, заполняющего анкету/ }).waitFor();
    expect(await t.page.getByTestId('questionnaire-note').textContent()).toMatch(/^Опрос опубликован: .*импортируйте под новым кодом/);
    expect(await t.page.getByRole('button', { name: 'Изменить варианты и подсказку' }).count()).toBe(0);
    expect(await t.page.getByRole('button', { name: 'Изменить подсказку' }).count()).toBe(0);
    await t.check('07-published-show');
    expect(t.problems).toEqual([]);
  });
});
