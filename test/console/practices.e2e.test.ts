// The best-practice catalogue in the coordinators' console, in real Chromium against a listening
// server: full-text search, creating a practice (a refused save shows the API's Russian message and
// writes nothing), editing it and deleting it with a reason — each recorded in the audit log.
// Screens go to test-results/screens/console-practices-NN-*.png; axe checks each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sha256 } from '../../api/src/import/practices.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { practiceSearchQuery, searchPracticeIds } from '../../api/src/services/practices.ts';
import { openBrowserSession, startLiveSite, type LiveSite, type ScreenCheck } from '../helpers/browser.ts';
import { submitConsoleSignIn } from '../helpers/console.ts';

let site: LiveSite;
let context: BrowserContext;
let page: Page;
let check: ScreenCheck;
let pageErrors: string[] = [];
let createdId = 0;

const coordinator = { email: 'coordinator@vcot.example', password: 'correct horse battery' };
const TEXT = 'Премирование руководителей учреждений культуры по итогам независимой оценки качества';
const EDITED = 'Премирование руководителей учреждений культуры с учётом рейтинга независимой оценки качества';

const live = () => site.db.prisma.practice.count({ where: { deletedAt: null } });

beforeAll(async () => {
  site = await startLiveSite();
  await createCoordinator(site.db.prisma, coordinator);
  ({ context, page, check, problems: pageErrors } = await openBrowserSession(site, 'console-practices'));
  await fetch(`${site.url}/assets/console.js`);
}, 120_000);

afterAll(async () => {
  if (check) console.log(check.report());
  await context?.close();
  await site?.close();
});

describe('the best-practice catalogue in the console', () => {
  it('signs in', async () => {
    await page.goto(`${site.url}/admin/`);
    await submitConsoleSignIn(page, coordinator);
    await page.getByRole('heading', { name: 'Ход опроса', level: 1 }).waitFor();
  });

  it('searches the texts by Russian word forms, together with the sphere filter', async () => {
    await page.getByRole('menuitem', { name: 'Лучшие практики' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.getByLabel('Поиск по тексту').fill('премирования руководителей');
    const expected = (await searchPracticeIds(site.db.prisma, practiceSearchQuery('премирования руководителей')!, {})).length;
    // Other word forms count too: more than an ILIKE on the phrase finds.
    expect(expected).toBeGreaterThan(
      await site.db.prisma.practice.count({ where: { text: { contains: 'премирования руководителей', mode: 'insensitive' } } }),
    );
    await expect
      .poll(async () => page.locator('.MuiTablePagination-displayedRows').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`из ${expected}$`));
    for (const text of await page.locator('tbody tr td:nth-child(4)').allTextContents()) expect(text.toLowerCase()).toMatch(/премир/);
    await check('01-search');
    // The sphere narrows the search.
    await page.getByRole('combobox', { name: 'Сфера' }).click();
    await page.getByRole('option', { name: 'Образование', exact: true }).click();
    const education = await site.db.prisma.sphere.findFirstOrThrow({ where: { name: 'Образование' } });
    const narrowed = (await searchPracticeIds(site.db.prisma, practiceSearchQuery('премирования руководителей')!, { sphereId: education.id })).length;
    expect(narrowed).toBeLessThan(expected);
    if (narrowed > 0)
      await expect
        .poll(async () => page.locator('.MuiTablePagination-displayedRows').textContent(), { timeout: 10_000 })
        .toMatch(new RegExp(`из ${narrowed}$`));
    else
      await page
        .getByText(/не найдено|Нет результатов|Ничего не найдено/i)
        .first()
        .waitFor();
    expect(new Set(await page.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(narrowed > 0 ? new Set(['Образование']) : new Set());
  });

  it('creates a practice; a refused save shows the API’s Russian message and writes nothing', async () => {
    await page.getByRole('link', { name: 'Добавить практику' }).click();
    await page.getByLabel('Описание практики').waitFor();
    await check('02-create');
    const before = await live();
    await page.getByLabel('Описание практики').fill('Коротко');
    await page.getByRole('combobox', { name: 'Субъект РФ' }).fill('Алтайский');
    await page.getByRole('option', { name: 'Алтайский край', exact: true }).click();
    await page.getByRole('combobox', { name: 'Сфера' }).click();
    await page.getByRole('option', { name: 'Культура', exact: true }).click();
    await page.getByRole('combobox', { name: 'Форма реализации' }).fill('Премирование');
    await page
      .getByRole('option', { name: /^Премирование/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Текст практики слишком короткий: не менее 10 символов (сейчас 7).').first().waitFor();
    await check('03-create-refused');
    expect(await live()).toBe(before);
    expect(await site.db.prisma.auditLog.count({ where: { action: 'practice.create' } })).toBe(0);

    await page.getByLabel('Описание практики').fill(TEXT);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('button', { name: 'Удалить' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(TEXT);
    const row = await site.db.prisma.practice.findFirstOrThrow({
      where: { text: TEXT, deletedAt: null },
      include: { region: true, sphere: true, form: true },
    });
    createdId = row.id;
    expect(row.region.name).toBe('Алтайский край');
    expect(row.sphere.name).toBe('Культура');
    expect(row.form.name).toMatch(/^Премирование/);
    expect(await live()).toBe(before + 1);
    expect(
      await site.db.prisma.auditLog.count({ where: { action: 'practice.create', subjectId: String(row.id), actorEmail: coordinator.email } }),
    ).toBe(1);
    await check('04-created');
  });

  it('edits the practice with a reason; a duplicate is refused with the API’s message', async () => {
    await page.getByRole('link', { name: 'Редактировать' }).click();
    await page.getByLabel('Причина изменения (необязательно)').waitFor();
    expect(await page.getByLabel('Описание практики').inputValue()).toBe(TEXT);
    await check('05-edit');
    // The text of a practice already in the catalogue for the same form, region and sphere.
    const twin = await site.db.prisma.practice.create({
      data: {
        ...(await site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId }, select: { formId: true, regionId: true, sphereId: true } })),
        text: 'Уже существующая практика',
        textSha256: sha256('Уже существующая практика'),
      },
    });
    await page.getByLabel('Описание практики').fill('Уже существующая практика');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText(`Такая практика уже есть в каталоге (№ ${twin.id})`).first().waitFor();
    await check('06-edit-refused');
    expect((await site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).text).toBe(TEXT);
    expect(await site.db.prisma.auditLog.count({ where: { action: 'practice.update' } })).toBe(0);

    await page.getByLabel('Описание практики').fill(EDITED);
    await page.getByLabel('Причина изменения (необязательно)').fill('Уточнена формулировка');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('button', { name: 'Удалить' }).waitFor();
    await page.locator('main').getByText(EDITED).waitFor();
    expect((await site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).text).toBe(EDITED);
    const audit = await site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.update', subjectId: String(createdId) } });
    expect(audit).toMatchObject({ reason: 'Уточнена формулировка', actorEmail: coordinator.email });
    expect(audit.before).toMatchObject({ text: TEXT });
    expect(audit.after).toMatchObject({ text: EDITED });
  });

  it('deletes the practice after asking for a reason', async () => {
    const before = await live();
    await page.getByRole('button', { name: 'Удалить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Удалить практику' });
    expect(await dialog.getByTestId('confirm-consequence').textContent()).toContain('Алтайский край');
    expect(await dialog.getByRole('button', { name: 'Удалить' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/^Причина/).fill('Дублирует другую практику');
    await check('07-delete-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Удалить' }).click();
    await page.getByRole('menuitem', { name: 'Лучшие практики' }).waitFor();
    await expect.poll(() => live()).toBe(before - 1);
    expect((await site.db.prisma.practice.findUniqueOrThrow({ where: { id: createdId } })).deletedAt).not.toBeNull();
    expect(await site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.delete', subjectId: String(createdId) } })).toMatchObject({
      reason: 'Дублирует другую практику',
      actorEmail: coordinator.email,
    });
    await page.getByText('Практика удалена').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(EDITED);
    expect(pageErrors).toEqual([]);
  });
});
