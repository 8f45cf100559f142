// campaignAnalytics over the database: only submitted questionnaires count; regions without one are listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';

let t: TestApp;
let coordinator: string;

const authority = (region: string, kind: string, orgs: number) => ({
  region,
  authority_name: `Министерство социальной политики (${region})`,
  respondent_name: 'Петров Пётр Петрович',
  respondent_position: 'Консультант',
  respondent_kind: kind,
  spheres: ['social', 'health'],
  social_orgs_regional: orgs,
  social_orgs_municipal: 0,
  social_orgs_nonstate: 1,
});
const operator = (
  prices: Record<string, number>,
  methods: Record<string, string>,
  orgs: Record<string, number> = {},
  people: Record<string, number> = {},
) => ({
  operator_contract_price: prices,
  operator_selection_method: methods,
  operator_orgs_assessed: orgs,
  operator_respondents: people,
});

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2023');
  await respondentWith(
    t,
    'alt@example.org',
    'nok-2023',
    [
      ['authority', authority('RU-ALT', 'regional_authority', 10)],
      ['operator', operator({ 2021: 100, 2022: 200 }, { 2021: 'auction', 2022: 'auction' }, { 2021: 10, 2022: 4 }, { 2021: 1000, 2022: 800 })],
    ],
    { submitted: true },
  );
  await respondentWith(
    t,
    'mow@example.org',
    'nok-2023',
    [
      ['authority', authority('RU-MOW', 'regional_authority', 20)],
      ['operator', operator({ 2021: 300 }, { 2021: 'single_supplier' }, { 2021: 0 }, { 2021: 600 })],
    ],
    { submitted: true },
  );
  await respondentWith(
    t,
    'tve@example.org',
    'nok-2023',
    [
      ['authority', authority('RU-TVE', 'municipality', 30)],
      ['operator', operator({ 2021: 50 }, { 2021: 'auction' }, { 2021: 2 }, { 2021: 250 })],
    ],
    { submitted: true },
  );
  // A draft counts nowhere, and its region has not taken part.
  await respondentWith(t, 'spe@example.org', 'nok-2023', [
    ['authority', authority('RU-SPE', 'municipality', 1000)],
    ['operator', operator({ 2021: 90000 }, { 2021: 'auction' }, { 2021: 1 }, { 2021: 1 })],
  ]);
});
afterAll(() => t?.close());

describe('campaignAnalytics', () => {
  it('computes shares and statistics over submitted questionnaires only', async () => {
    const result = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2023") { respondentsCount
          questions { code answered options { code label count share } numbers { count mean min max median } years { year answered options { code count share } numbers { mean median } } }
          nonParticipatingRegions { code name } } }`,
      {},
      { cookie: coordinator },
    );
    expect(result.errors).toBeUndefined();
    const analytics = result.data.campaignAnalytics;
    expect(analytics.respondentsCount).toBe(3);
    const question = (code: string) => analytics.questions.find((candidate: any) => candidate.code === code);
    expect(question('respondent_kind').options.slice(0, 2)).toEqual([
      { code: 'regional_authority', label: expect.any(String), count: 2, share: 2 / 3 },
      { code: 'municipality', label: expect.any(String), count: 1, share: 1 / 3 },
    ]);
    expect(question('spheres').options.find((option: any) => option.code === 'social')).toMatchObject({ count: 3, share: 1 });
    expect(question('social_orgs_regional').numbers).toEqual({ count: 3, mean: 20, min: 10, max: 30, median: 20 });
    const price = question('operator_contract_price');
    expect(price.years[0]).toMatchObject({ year: 2021, answered: 3, numbers: { mean: 150, median: 100 } });
    expect(price.years[1]).toMatchObject({ year: 2022, answered: 1, numbers: { mean: 200, median: 200 } });
    const method2021 = question('operator_selection_method').years[0].options;
    expect(method2021.find((option: any) => option.code === 'auction')).toEqual({ code: 'auction', count: 2, share: 2 / 3 });
    expect(analytics.nonParticipatingRegions).toHaveLength(86);
    const codes = analytics.nonParticipatingRegions.map((region: any) => region.code);
    expect(codes).toContain('RU-SPE');
    expect(codes).not.toContain('RU-ALT');
  });

  it('computes the cost per organisation and per respondent per year, drafts excluded', async () => {
    const result = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2023") { sections { code title }
          ratios { code label unit numerator denominator years { year count skipped mean min max median aggregate } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(result.errors).toBeUndefined();
    const { ratios, sections } = result.data.campaignAnalytics;
    expect(sections.map((section: any) => section.code)).toEqual(['authority', 'operator', 'practices']);
    expect(ratios.map((ratio: any) => [ratio.code, ratio.unit, ratio.numerator, ratio.denominator])).toEqual([
      ['cost_per_organisation', 'тыс. руб.', 'operator_contract_price', 'operator_orgs_assessed'],
      ['cost_per_respondent', 'руб.', 'operator_contract_price', 'operator_respondents'],
    ]);
    const [perOrg, perPerson] = ratios;
    expect(perOrg.label).toBe('Стоимость НОК в расчёте на одну организацию');
    // 2021: Altai 100/10 = 10, Tver 50/2 = 25; Moscow (0 organisations) skipped; aggregate 150/12.
    expect(perOrg.years[0]).toEqual({ year: 2021, count: 2, skipped: 1, mean: 17.5, min: 10, max: 25, median: 17.5, aggregate: 12.5 });
    expect(perOrg.years[1]).toEqual({ year: 2022, count: 1, skipped: 0, mean: 50, min: 50, max: 50, median: 50, aggregate: 50 });
    expect(perOrg.years[2]).toEqual({ year: 2023, count: 0, skipped: 0, mean: null, min: null, max: null, median: null, aggregate: null });
    // Roubles: Altai 100 000/1000 = 100, Moscow 300 000/600 = 500, Tver 50 000/250 = 200; aggregate 450 000/1850.
    expect(perPerson.years[0]).toMatchObject({ year: 2021, count: 3, skipped: 0, min: 100, max: 500, median: 200 });
    expect(perPerson.years[0].mean).toBeCloseTo(266.666667, 5);
    expect(perPerson.years[0].aggregate).toBeCloseTo(243.243243, 5);
    expect(perPerson.years[1]).toEqual({ year: 2022, count: 1, skipped: 0, mean: 250, min: 250, max: 250, median: 250, aggregate: 250 });
  });

  it('is null for an unknown campaign', async () => {
    expect(
      (await t.gql(`{ campaignAnalytics(campaignCode: "nope") { respondentsCount } }`, {}, { cookie: coordinator })).data.campaignAnalytics,
    ).toBeNull();
  });
});
