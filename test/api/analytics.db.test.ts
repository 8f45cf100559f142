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
const operator = (prices: Record<string, number>, methods: Record<string, string>) => ({ operator_contract_price: prices, operator_selection_method: methods });

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2023');
  await respondentWith(t, 'alt@example.org', 'nok-2023', [['authority', authority('RU-ALT', 'regional_authority', 10)], ['operator', operator({ 2021: 100, 2022: 200 }, { 2021: 'auction', 2022: 'auction' })]], { submitted: true });
  await respondentWith(t, 'mow@example.org', 'nok-2023', [['authority', authority('RU-MOW', 'regional_authority', 20)], ['operator', operator({ 2021: 300 }, { 2021: 'single_supplier' })]], { submitted: true });
  await respondentWith(t, 'tve@example.org', 'nok-2023', [['authority', authority('RU-TVE', 'municipality', 30)], ['operator', operator({ 2021: 50 }, { 2021: 'auction' })]], { submitted: true });
  // A draft counts nowhere, and its region has not taken part.
  await respondentWith(t, 'spe@example.org', 'nok-2023', [['authority', authority('RU-SPE', 'municipality', 1000)]]);
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

  it('is null for an unknown campaign', async () => {
    expect((await t.gql(`{ campaignAnalytics(campaignCode: "nope") { respondentsCount } }`, {}, { cookie: coordinator })).data.campaignAnalytics).toBeNull();
  });
});
