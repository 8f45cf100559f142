// The analytics page of the coordinators' console, in real Chromium against a listening server:
// over submitted questionnaires only (a draft counts nowhere), the counts and shares of a choice
// question as «2 (66,7 %)», the cost per organisation and per respondent of 2023, and the regions
// that did not take part. Screens go to test-results/screens/console-analytics-*.png; axe checks each.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LiveSite } from '../helpers/browser.ts';
import { consoleBrowserTest, respondentWith, signInToConsole } from '../helpers/console.ts';
import { section1, section2at80 } from '../helpers/fixtures2021.ts';

const TITLE_2021 = /Мониторинг использования результатов.*\(2021\)/;
const TITLE_2023 = /Опрос органов государственной власти.*\(2023\)/;

// Intl's Russian formats separate with non-breaking spaces; compare as people read them.
const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

const authority2021 = (region: string) => ({ ...section1, region });
const situation2021 = (legislation: string) => ({ ...section2at80, legislation_changes: legislation });
const authority2023 = (region: string) => ({
  region,
  authority_name: `Министерство социальной политики (${region})`,
  respondent_name: 'Петров Пётр Петрович',
  respondent_position: 'Консультант',
  respondent_kind: 'regional_authority',
  spheres: ['social'],
  social_orgs_regional: 10,
  social_orgs_municipal: 0,
  social_orgs_nonstate: 0,
});
const operator2023 = (price: number, orgs: number, people: number) => ({
  operator_contract_price: { 2021: price },
  operator_orgs_assessed: { 2021: orgs },
  operator_respondents: { 2021: people },
});

async function seed(site: LiveSite) {
  // 2021: three submitted questionnaires (two «no changes needed», one «changes made») and a draft.
  await respondentWith(
    site,
    'alt@example.org',
    'nok-2021',
    [
      ['authority', authority2021('RU-ALT')],
      ['situation', situation2021('no_changes_needed')],
    ],
    { submitted: true },
  );
  await respondentWith(
    site,
    'mow@example.org',
    'nok-2021',
    [
      ['authority', authority2021('RU-MOW')],
      ['situation', situation2021('no_changes_needed')],
    ],
    { submitted: true },
  );
  await respondentWith(
    site,
    'tve@example.org',
    'nok-2021',
    [
      ['authority', authority2021('RU-TVE')],
      ['situation', situation2021('changes_made')],
    ],
    { submitted: true },
  );
  await respondentWith(site, 'spe@example.org', 'nok-2021', [
    ['authority', authority2021('RU-SPE')],
    ['situation', situation2021('changes_made')],
  ]);
  // 2023: cost per organisation 2021 = 100/10 and 60/2 (mean 20, aggregate 160/12), and a draft that would change it.
  await respondentWith(
    site,
    'alt23@example.org',
    'nok-2023',
    [
      ['authority', authority2023('RU-ALT')],
      ['operator', operator2023(100, 10, 1000)],
    ],
    { submitted: true },
  );
  await respondentWith(
    site,
    'tve23@example.org',
    'nok-2023',
    [
      ['authority', authority2023('RU-TVE')],
      ['operator', operator2023(60, 2, 200)],
    ],
    { submitted: true },
  );
  await respondentWith(site, 'spe23@example.org', 'nok-2023', [
    ['authority', authority2023('RU-SPE')],
    ['operator', operator2023(90000, 1, 1)],
  ]);
}

const t = consoleBrowserTest('console-analytics', { openWindows: ['nok-2021', 'nok-2023'], seed });

async function chooseCampaign(title: RegExp) {
  await t.page.getByRole('combobox', { name: 'Опрос' }).click();
  await t.page.getByRole('option', { name: title }).click();
  await t.page.getByTestId('analytics-respondents').waitFor();
  // Wait for the chosen campaign's figures, not the previous one's.
  await t.page.getByRole('heading', { level: 2, name: title }).waitFor();
}

describe('analytics in the console', () => {
  it('signs in and opens «Аналитика» from the menu', async () => {
    await signInToConsole(t);
    await t.page.getByRole('menuitem', { name: 'Аналитика' }).click();
    await t.page.getByRole('heading', { name: 'Аналитика', level: 1 }).waitFor();
  });

  it('2021: counts and shares of a choice question over submitted questionnaires, and who did not take part', async () => {
    await chooseCampaign(TITLE_2021);
    expect(await text(t.page.getByTestId('analytics-respondents'))).toContain('3 анкеты');
    const table = t.page.getByRole('table', { name: /^2\. Реализация мер/ });
    const row = (label: RegExp) => table.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name: label }) });
    expect(await text(row(/^Меры реализуются в рамках действующей/))).toContain('2 (66,7 %)');
    expect(await text(row(/изменения внесены$/))).toContain('1 (33,3 %)');
    expect(await text(row(/изменения готовятся$/))).toContain('0 (0 %)');
    expect(await text(row(/^Ответили \(n\)$/))).toContain('3');
    // The chart beside the table summarises the same shares for screen readers.
    const chart = t.page.getByRole('img', { name: /^2\. Реализация мер.*доля ответивших/ });
    expect(await chart.getAttribute('aria-label')).toContain('66,7');
    // A multiple choice: each respondent counts once per option.
    const forms = t.page.getByRole('table', { name: /^1\. / });
    expect(
      await text(forms.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name: /^Анкетирование на бумажном носителе/ }) })),
    ).toContain('3 (100 %)');
    const regions = t.page.getByTestId('non-participating');
    expect(await text(t.page.getByRole('heading', { level: 2, name: /^Не приняли участие/ }))).toBe('Не приняли участие: 86 регионов');
    expect(await regions.getByRole('listitem').count()).toBe(86);
    const names = await regions.getByRole('listitem').allTextContents();
    expect(names).toContain('Санкт-Петербург');
    expect(names).not.toContain('Алтайский край');
    expect(names).not.toContain('Москва');
    await t.check('01-2021');
  });

  it('2023: the cost per organisation and per respondent per year, drafts excluded', async () => {
    await chooseCampaign(TITLE_2023);
    expect(await text(t.page.getByTestId('analytics-respondents'))).toContain('2 анкеты');
    const perOrg = t.page.getByRole('table', { name: 'Стоимость НОК в расчёте на одну организацию, тыс. руб.' });
    const year2021 = perOrg.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name: '2021' }) });
    // Count, skipped, mean, min, max, median, aggregate: 100/10 = 10, 60/2 = 30, Σ 160/12 = 13,33.
    expect((await year2021.getByRole('cell').allTextContents()).map((cell) => cell.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      '2',
      '0',
      '20',
      '10',
      '30',
      '20',
      '13,33',
    ]);
    const perPerson = t.page.getByRole('table', { name: 'Стоимость НОК в расчёте на одного респондента, руб.' });
    // Roubles: 100 000/1000 = 100 and 60 000/200 = 300; Σ 160 000/1200 = 133,33.
    expect(
      (
        await perPerson
          .getByRole('row')
          .filter({ has: t.page.getByRole('rowheader', { name: '2021' }) })
          .getByRole('cell')
          .allTextContents()
      ).map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ')),
    ).toEqual(['2', '0', '200', '100', '300', '200', '133,33']);
    // Numbers per year: the contract price.
    const price = t.page.getByRole('table', { name: /^2\.2\. Фактическая стоимость/ });
    // Each year and the years pooled («2021–2023»): the row of 2021 alone.
    expect(await text(price.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name: '2021', exact: true }) }))).toContain('80');
    expect(await text(t.page.getByRole('heading', { level: 2, name: /^Не приняли участие/ }))).toBe('Не приняли участие: 87 регионов');
    await t.check('02-2023');
  });

  it('prints only the figures: no menu, no campaign choice, no buttons', async () => {
    await t.page.emulateMedia({ media: 'print' });
    expect(await t.page.getByRole('combobox', { name: 'Опрос' }).isVisible()).toBe(false);
    expect(await t.page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await t.page.getByRole('menuitem', { name: 'Аналитика' }).isVisible()).toBe(false);
    expect(await t.page.getByRole('table', { name: 'Стоимость НОК в расчёте на одну организацию, тыс. руб.' }).isVisible()).toBe(true);
    await t.check('03-print');
    await t.page.emulateMedia({ media: 'screen' });
    expect(await t.page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(true);
  });

  it('had no script errors, CSP refusals or foreign requests', () => {
    expect(t.problems).toEqual([]);
  });
});
