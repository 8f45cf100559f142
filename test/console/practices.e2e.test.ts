// The best-practice catalogue in the coordinators' console, in real Chromium against a listening
// server: full-text search, creating a practice (a refused save shows the API's Russian message and
// writes nothing), editing it and deleting it with a reason — each recorded in the audit log.
// Screens go to test-results/screens/console-practices-NN-*.png; axe checks each one.
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../api/src/import/practices.ts';
import { practiceSearchQuery, searchPracticeIds } from '../../api/src/services/practices.ts';
import { consoleBrowserTest, COORDINATOR, signInToConsole } from '../helpers/console.ts';

const t = consoleBrowserTest('console-practices');
let createdId = 0;

const TEXT = 'Премирование руководителей учреждений культуры по итогам независимой оценки качества';
const EDITED = 'Премирование руководителей учреждений культуры с учётом рейтинга независимой оценки качества';

const live = () => t.site.db.prisma.practice.count({ where: { deletedAt: null } });

describe('the best-practice catalogue in the console', () => {
  it('signs in', async () => {
    await signInToConsole(t);
  });

  it('searches the texts by Russian word forms, together with the sphere filter', async () => {
    await t.page.getByRole('menuitem', { name: 'Лучшие практики' }).click();
    await t.page.locator('tbody tr').first().waitFor();
    await t.page.getByLabel('Поиск по тексту').fill('премирования руководителей');
    const expected = (await searchPracticeIds(t.site.db.prisma, practiceSearchQuery('премирования руководителей')!, {})).length;
    // Other word forms count too: more than an ILIKE on the phrase finds.
    expect(expected).toBeGreaterThan(
      await t.site.db.prisma.practice.count({ where: { text: { contains: 'премирования руководителей', mode: 'insensitive' } } }),
    );
    await expect
      .poll(async () => t.page.locator('.MuiTablePagination-displayedRows').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`из ${expected}$`));
    for (const text of await t.page.locator('tbody tr td:nth-child(4)').allTextContents()) expect(text.toLowerCase()).toMatch(/премир/);
    await t.check('01-search');
    // The sphere narrows the search.
    await t.page.getByRole('combobox', { name: 'Сфера' }).click();
    await t.page.getByRole('option', { name: 'Образование', exact: true }).click();
    const education = await t.site.db.prisma.sphere.findFirstOrThrow({ where: { name: 'Образование' } });
    const narrowed = (await searchPracticeIds(t.site.db.prisma, practiceSearchQuery('премирования руководителей')!, { sphereId: education.id }))
      .length;
    expect(narrowed).toBeLessThan(expected);
    if (narrowed > 0)
      await expect
        .poll(async () => t.page.locator('.MuiTablePagination-displayedRows').textContent(), { timeout: 10_000 })
        .toMatch(new RegExp(`из ${narrowed}$`));
    else
      await t.page
        .getByText(/не найдено|Нет результатов|Ничего не найдено/i)
        .first()
        .waitFor();
    expect(new Set(await t.page.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(narrowed > 0 ? new Set(['Образование']) : new Set());
  });

  it('creates a practice; a refused save shows the API’s Russian message and writes nothing', async () => {
    await t.page.getByRole('link', { name: 'Добавить практику' }).click();
    await t.page.getByLabel('Описание практики').waitFor();
    await t.check('02-create');
    const before = await live();
    await t.page.getByLabel('Описание практики').fill('Коротко');
    await t.page.getByRole('combobox', { name: 'Субъект РФ' }).fill('Алтайский');
    await t.page.getByRole('option', { name: 'Алтайский край', exact: true }).click();
    await t.page.getByRole('combobox', { name: 'Сфера' }).click();
    await t.page.getByRole('option', { name: 'Культура', exact: true }).click();
    await t.page.getByRole('combobox', { name: 'Форма реализации' }).fill('Премирование');
    await t.page
      .getByRole('option', { name: /^Премирование/ })
      .first()
      .click();
    await t.page.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByText('Текст практики слишком короткий: не менее 10 символов (сейчас 7).').first().waitFor();
    await t.check('03-create-refused');
    expect(await live()).toBe(before);
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'practice.create' } })).toBe(0);

    await t.page.getByLabel('Описание практики').fill(TEXT);
    await t.page.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('button', { name: 'Удалить' }).waitFor();
    expect(await t.page.locator('main').textContent()).toContain(TEXT);
    const row = await t.site.db.prisma.practice.findFirstOrThrow({
      where: { text: TEXT, deletedAt: null },
      include: { region: true, sphere: true, form: true },
    });
    createdId = row.id;
    expect(row.region.name).toBe('Алтайский край');
    expect(row.sphere.name).toBe('Культура');
    expect(row.form.name).toMatch(/^Премирование/);
    expect(await live()).toBe(before + 1);
    expect(
      await t.site.db.prisma.auditLog.count({ where: { action: 'practice.create', subjectId: String(row.id), actorEmail: COORDINATOR.email } }),
    ).toBe(1);
    await t.check('04-created');
  });

  it('edits the practice with a reason; a duplicate is refused with the API’s message', async () => {
    await t.page.getByRole('link', { name: 'Редактировать' }).click();
    await t.page.getByLabel('Причина изменения (необязательно)').waitFor();
    expect(await t.page.getByLabel('Описание практики').inputValue()).toBe(TEXT);
    await t.check('05-edit');
    // The text of a practice already in the catalogue for the same form, region and sphere.
    const twin = await t.site.db.prisma.practice.create({
      data: {
        ...(await t.site.db.prisma.practice.findUniqueOrThrow({
          where: { id: createdId },
          select: { formId: true, regionId: true, sphereId: true },
        })),
        text: 'Уже существующая практика',
        textSha256: sha256('Уже существующая практика'),
      },
    });
    await t.page.getByLabel('Описание практики').fill('Уже существующая практика');
    await t.page.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByText(`Такая практика уже есть в каталоге (№ ${twin.id})`).first().waitFor();
    await t.check('06-edit-refused');
    expect((await t.site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).text).toBe(TEXT);
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'practice.update' } })).toBe(0);

    await t.page.getByLabel('Описание практики').fill(EDITED);
    await t.page.getByLabel('Причина изменения (необязательно)').fill('Уточнена формулировка');
    await t.page.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('button', { name: 'Удалить' }).waitFor();
    await t.page.locator('main').getByText(EDITED).waitFor();
    expect((await t.site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).text).toBe(EDITED);
    const audit = await t.site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.update', subjectId: String(createdId) } });
    expect(audit).toMatchObject({ reason: 'Уточнена формулировка', actorEmail: COORDINATOR.email });
    expect(audit.before).toMatchObject({ text: TEXT });
    expect(audit.after).toMatchObject({ text: EDITED });
  });

  it('deletes the practice after asking for a reason', async () => {
    const before = await live();
    await t.page.getByRole('button', { name: 'Удалить' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Удалить практику' });
    expect(await dialog.getByTestId('confirm-consequence').textContent()).toContain('Алтайский край');
    expect(await dialog.getByRole('button', { name: 'Удалить' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/^Причина/).fill('Дублирует другую практику');
    await t.check('07-delete-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Удалить' }).click();
    await t.page.getByRole('menuitem', { name: 'Лучшие практики' }).waitFor();
    await expect.poll(() => live()).toBe(before - 1);
    expect((await t.site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).deletedAt).not.toBeNull();
    expect(await t.site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.delete', subjectId: String(createdId) } })).toMatchObject({
      reason: 'Дублирует другую практику',
      actorEmail: COORDINATOR.email,
    });
    await t.page.getByText('Практика удалена').waitFor();
    expect(await t.page.locator('main').textContent()).not.toContain(EDITED);
    expect(t.problems).toEqual([]);
  });
});
