// Entering actual values of the federal plan targets in the coordinators' console, in real Chromium
// against a listening server: open indicator 1, enter «47,5» for 2016 and see it beside the target as
// «выполнено», see the API's Russian refusal inside the dialog, clear a value after confirming, find
// the statuses in the list, and enter a value from the list itself. The database and the audit log
// are checked after each step. Screens go to test-results/screens/console-plan-NN-*.png; axe checks
// each one (0 violations).
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { consoleBrowserTest, COORDINATOR, signInToConsole } from '../helpers/console.ts';

const t = consoleBrowserTest('console-plan');

async function target(indicator: number, year: number) {
  return t.site.db.prisma.planTarget.findFirstOrThrow({ where: { year, indicator: { number: indicator } } });
}

const cell = (kind: 'target' | 'actual' | 'status', year: number): Locator => t.page.getByTestId(`${kind}-${year}`);

describe('actual values of plan targets in the console', () => {
  it('signs in and opens indicator 1 with its targets, actuals and statuses', async () => {
    await signInToConsole(t);
    await t.page.getByRole('menuitem', { name: 'Целевые показатели' }).click();
    const first = t.page.locator('tbody tr').filter({ hasText: 'Доля организаций' }).first();
    await first.waitFor();
    expect(await first.textContent()).toContain('нет данных');
    await t.check('01-list');
    await t.page.locator('tbody tr').first().click();
    await t.page.getByRole('button', { name: 'Внести факт за 2016 год' }).waitFor();
    expect(await cell('target', 2016).textContent()).toBe('45–50');
    expect(await cell('actual', 2016).textContent()).toBe('—');
    expect(await cell('status', 2016).textContent()).toBe('нет данных');
    await t.check('02-show');
  });

  it('enters «47,5» for 2016 and sees it beside the target as «выполнено»', async () => {
    await t.page.getByRole('button', { name: 'Внести факт за 2016 год' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Фактическое значение за 2016 год' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Цель на 2016 год: 45–50 %');
    await dialog.getByLabel(/^Факт/).fill('47,5');
    await dialog.getByLabel(/^Причина/).fill('Отчёт Минтруда за 2016 год');
    await t.check('03-enter-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Сохранено: 2016 год — 47,5, выполнено.' }).waitFor();
    await expect.poll(() => cell('actual', 2016).textContent()).toBe('47,5');
    expect(await cell('target', 2016).textContent()).toBe('45–50');
    expect(await cell('status', 2016).textContent()).toBe('выполнено');
    expect(await dialog.count()).toBe(0);
    expect((await target(1, 2016)).actual?.toString()).toBe('47.5');
    const entries = await t.site.db.prisma.auditLog.findMany({ where: { action: 'plan.target.actual' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorEmail: COORDINATOR.email,
      before: { actual: null },
      after: { actual: '47.5' },
      reason: 'Отчёт Минтруда за 2016 год',
    });
    await t.check('04-show-saved');
  });

  it('shows the Russian refusal inside the dialog and saves nothing', async () => {
    await t.page.getByRole('button', { name: 'Внести факт за 2017 год' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Фактическое значение за 2017 год' });
    const field = dialog.getByLabel(/^Факт/);
    // Refused by the API: more than 100 %.
    await field.fill('120');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Значение в процентах не может быть больше 100.' }).waitFor();
    await t.check('05-refused-dialog', { dialog: true });
    // Refused by the API: three decimals.
    await field.fill('47,125');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Укажите не больше двух знаков после запятой' }).waitFor();
    // Not a number at all: said before anything is sent.
    await field.fill('сорок');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: '«сорок» — не число. Введите число, например 47,5.' }).waitFor();
    expect((await target(1, 2017)).actual).toBeNull();
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'plan.target.actual' } })).toBe(1);
    // A value below the range is saved and shown as not met.
    await field.fill('44');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Сохранено: 2017 год — 44, не выполнено.' }).waitFor();
    await expect.poll(() => cell('status', 2017).textContent()).toBe('не выполнено');
    expect((await target(1, 2017)).actual?.toString()).toBe('44');
  });

  it('clears a value after confirming', async () => {
    await t.page.getByRole('button', { name: 'Внести факт за 2017 год' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Фактическое значение за 2017 год' });
    expect(await dialog.getByLabel(/^Факт/).inputValue()).toBe('44');
    await dialog.getByRole('button', { name: 'Очистить' }).click();
    const confirm = t.page.getByRole('dialog', { name: 'Удалить фактическое значение' });
    expect(await confirm.getByTestId('confirm-consequence').textContent()).toContain('Фактическое значение за 2017 год (44) будет удалено');
    await confirm.getByLabel(/^Причина/).fill('Данные не подтверждены');
    await t.check('06-clear-confirm', { dialog: true });
    await confirm.getByRole('button', { name: 'Удалить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Фактическое значение за 2017 год удалено.' }).waitFor();
    await expect.poll(() => cell('actual', 2017).textContent()).toBe('—');
    expect(await cell('status', 2017).textContent()).toBe('нет данных');
    expect((await target(1, 2017)).actual).toBeNull();
    const last = await t.site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.target.actual' }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ before: { year: 2017, actual: '44' }, after: { year: 2017, actual: null }, reason: 'Данные не подтверждены' });
  });

  it('shows the entered value and its status in the list', async () => {
    await t.page.getByRole('menuitem', { name: 'Целевые показатели' }).click();
    const first = t.page.locator('tbody tr').filter({ hasText: 'Доля организаций' }).first();
    await expect.poll(() => first.getByTestId('actual-2016').textContent()).toBe('47,5');
    expect(await first.getByTestId('status-2016').textContent()).toBe('выполнено');
    await t.check('07-list-after');
    expect(t.problems).toEqual([]);
  });

  it('enters a value from the list, without opening the indicator (issue 13, item 8)', async () => {
    const list = t.page.url();
    const first = t.page.locator('tbody tr').filter({ hasText: 'Доля организаций' }).first();
    await first.getByRole('button', { name: 'Внести факт: показатель № 1' }).click();
    await t.page.getByRole('menuitem', { name: 'За 2018 год' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Фактическое значение за 2018 год' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Цель на 2018 год');
    await dialog.getByLabel(/^Факт/).fill('52,25');
    await dialog.getByLabel(/^Причина/).fill('Отчёт за 2018 год');
    await t.check('08-list-enter-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await first.getByRole('status').filter({ hasText: 'Сохранено: 2018 год — 52,25' }).waitFor();
    await expect.poll(() => first.getByTestId('actual-2018').textContent()).toBe('52,25');
    // Still the list: neither the button, the menu nor the dialog opened the indicator's page.
    expect(t.page.url()).toBe(list);
    expect((await target(1, 2018)).actual?.toString()).toBe('52.25');
    const last = await t.site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.target.actual' }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ after: { indicator: 1, year: 2018, actual: '52.25' }, reason: 'Отчёт за 2018 год' });
    await t.check('09-list-entered');
    expect(t.problems).toEqual([]);
  });
});
