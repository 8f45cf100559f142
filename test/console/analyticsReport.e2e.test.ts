// Issue 14, point 9 and done-when, in real Chromium: the 2023 answers built to match seed 002
// (test/fixtures/seed002.ts) with the campaign's 85 expected regions; a coordinator publishes them from
// «Аналитика → Опубликованный отчёт», and the report shows, in the seed's order, who took part,
// figures 10–14 and table 17 with the seed's numbers (n and the method under each), suppressed cells
// as «<3», downloads the CSV of every published table, and prints without the console around it.
// Screens go to test-results/screens/console-report-*.png; axe checks each.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleBrowserTest, signInToConsole } from '../helpers/console.ts';
import { writeSeed002 } from '../helpers/seed002Db.ts';

const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

const t = consoleBrowserTest('console-report', { openWindows: ['nok-2023'], seed: (site) => writeSeed002(site.db.prisma) });

const figure = (caption: RegExp) => t.page.getByRole('article').filter({ has: t.page.getByRole('heading', { level: 3, name: caption }) });
const rowOf = async (table: ReturnType<Page['locator']>, label: RegExp) =>
  text(table.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name: label }) }));

describe('the published report', () => {
  it('opens «Аналитика» for 2023 and says nothing is published yet', async () => {
    await signInToConsole(t);
    await t.page.getByRole('menuitem', { name: 'Аналитика' }).click();
    await t.page.getByRole('heading', { name: 'Аналитика', level: 1 }).waitFor();
    const select = t.page.getByRole('combobox', { name: 'Опрос' }).first();
    await select.click();
    await t.page.getByRole('option', { name: /\(2023\)/ }).click();
    await t.page.getByTestId('analytics-respondents').waitFor();
    expect(await text(t.page.getByTestId('expected-regions'))).toContain('Приняли участие 80 регионов из 85 ожидаемых в этом опросе');
    await t.page.getByRole('tab', { name: 'Опубликованный отчёт' }).click();
    await t.page.getByText('Аналитика этого опроса ещё не опубликована').waitFor();
  });

  it('publishes version 1 after a confirmation', async () => {
    await t.page.getByRole('button', { name: 'Опубликовать' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Опубликовать аналитику?' });
    await dialog.getByRole('button', { name: 'Опубликовать' }).click();
    await t.page.getByTestId('analytics-report').waitFor();
    expect(await text(t.page.getByTestId('report-version'))).toMatch(/Публикация № 1 от .*Учтены отправленные анкеты: 80 анкет\./);
    // What anonymous readers see: the server's public report of the latest publication.
    expect(await t.page.getByRole('link', { name: 'Открыть публичную страницу' }).getAttribute('href')).toBe('/reports/nok-2023');
    expect(await text(t.page.getByTestId('report-participation'))).toBe(
      'В опросе приняли участие представители 80 регионов из 85 ожидаемых. Не принимали участия: Республика Башкортостан, Республика Калмыкия, Волгоградская область, Калужская область, Нижегородская область.',
    );
  });

  it('figure 10: the selection method per year with the seed’s shares, n and the method under it', async () => {
    const fig10 = figure(/^Рисунок 10 - Способы определения оператора/);
    const table = fig10.getByRole('table');
    expect(await rowOf(table, /^Аукцион$/)).toContain('19 (25,7 %)');
    expect(await rowOf(table, /^Закупка у единственного поставщика$/)).toMatch(/35 \(47,3 %\).*41 \(55,4 %\).*35 \(47,3 %\)/);
    expect(await rowOf(table, /^Открытый конкурс$/)).toMatch(/6 \(8,1 %\).*10 \(13,5 %\).*11 \(14,9 %\)/);
    expect(await rowOf(table, /^Ответили \(n\)$/)).toMatch(/74.*74.*74.*222/);
    expect(await text(fig10.getByTestId('method-note'))).toContain('Доли — от числа ответивших (n — 2021: 74, 2022: 74, 2023: 74, 2021–2023: 222)');
    expect(await fig10.getByRole('img').first().getAttribute('aria-label')).toContain('25,7');
  });

  it('figures 11–13: control forms as shares of mentions, online tools, paper and online', async () => {
    const fig11 = figure(/^Рисунок 11/);
    const table11 = fig11.getByRole('table');
    expect(await rowOf(table11, /^Включение в состав ТЗ требований к отчетности/)).toContain('33 (41,8 %)');
    expect(await rowOf(table11, /^Формальная проверка/)).toContain('19 (24,1 %)');
    expect(await rowOf(table11, /^Выборочная проверка/)).toContain('17 (21,5 %)');
    expect(await rowOf(table11, /^Включение в состав рабочей группы/)).toContain('7 (8,9 %)');
    expect(await rowOf(table11, /^Иное$/)).toContain('3 (3,8 %)');
    expect(await rowOf(table11, /^Упоминаний$/)).toContain('79');
    expect(await text(fig11.getByTestId('method-note'))).toContain('Доли — от числа упоминаний');
    const table12 = figure(/^Рисунок 12/).getByRole('table');
    expect(await rowOf(table12, /^Нет$/)).toContain('45 (57 %)');
    expect(await rowOf(table12, /^Да, с требованием для оператора разработать/)).toContain('23 (29,1 %)');
    expect(
      await rowOf(table12, /^Да, c использованием приложения Федерального казначейства|^Да, с использованием приложения Федерального казначейства/),
    ).toContain('<3');
    const table13 = figure(/^Рисунок 13/).getByRole('table');
    expect(await rowOf(table13, /^80±10% онлайн/)).toContain('15 (42,9 %)');
    expect(await rowOf(table13, /^60±10% онлайн/)).toContain('6 (17,1 %)');
    expect(await rowOf(table13, /^Ответили \(n\)$/)).toContain('35');
  });

  it('figure 14: the practices by level over 100 items; small cells suppressed', async () => {
    const practices = t.page.getByRole('article').filter({ has: t.page.getByRole('heading', { level: 3, name: /^3\. Успешные практики/ }) });
    expect(await text(practices)).toContain('всего записей: 100');
    const table = practices.getByRole('table', { name: /^Рисунок 14/ });
    expect(await rowOf(table, /^Организация$/)).toContain('44 (44 %)');
    expect(await rowOf(table, /^Субъект$/)).toContain('37 (37 %)');
    expect(await rowOf(table, /^Субъект, организация$/)).toContain('15 (15 %)');
    expect(await rowOf(table, /^Муниципальное образование$/)).toContain('<3');
  });

  it('table 17: the programmes named, and the funding sources with their regions', async () => {
    const table17 = figure(/^Таблица 17/);
    const programmes = table17.getByRole('list', { name: /^Таблица 17/ }).getByRole('listitem');
    expect(await programmes.count()).toBe(43);
    expect((await programmes.allTextContents()).join('\n')).toContain('Государственная программа Краснодарского края "Социальная поддержка граждан"');
    const funding = figure(/^2\.5\. Источник финансирования/).getByRole('table');
    expect(await rowOf(funding, /^Средства федеральных\/региональных программ/)).toContain('49 (61,3 %)');
    await t.check('01-report');
  });

  it('downloads every published table as CSV', async () => {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('button', { name: 'Скачать CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('nok-2023-analytics-v1.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff"Таблица";"Вопрос"')).toBe(true);
    expect(csv).toContain('"Рисунок 10 - Способы определения оператора";"2.7. Способ определения оператора";"";"2021";"Аукцион";19;0,2567');
    expect(csv.split('\r\n').filter((line) => line.startsWith('"Таблица 17')).length).toBeGreaterThanOrEqual(43);
  });

  it('prints the report alone', async () => {
    await t.page.emulateMedia({ media: 'print' });
    expect(await t.page.getByRole('button', { name: 'Опубликовать' }).isVisible()).toBe(false);
    expect(await t.page.getByRole('tab', { name: 'Опубликованный отчёт' }).isVisible()).toBe(false);
    expect(await figure(/^Рисунок 10/).isVisible()).toBe(true);
    await t.check('02-print');
    await t.page.emulateMedia({ media: 'screen' });
  });

  it('had no script errors, CSP refusals or foreign requests', () => {
    expect(t.problems).toEqual([]);
  });
});
