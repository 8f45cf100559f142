// Issue 14, done-when: from a fixture of 2023 answers built to match seed 002's published counts
// (test/fixtures/seed002.ts, entered through saveSection), the analytics give the seed's figures 10–14,
// table 17, the funding sources with their regions, the organisation totals with the regions at the
// extremes, the operator's costs, and who did not take part (against the campaign's 85 expected
// regions). Where the seed contradicts itself the fixture's notes say so and the test checks what the
// fixture could match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignAnalytics, type QuestionFigures } from '../../api/src/services/analytics.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { EXPECTED_REGIONS, NOT_TAKING_PART, seed002Responses, TABLE_17 } from '../fixtures/seed002.ts';

let t: TestApp;
let figures: Record<string, QuestionFigures>;
let analytics: Awaited<ReturnType<typeof campaignAnalytics>>;

/** A share as the seed prints it: one decimal of a percent. */
const percent = (share: number | null | undefined) => Math.round((share ?? Number.NaN) * 1000) / 10;
const sharesOf = (column: { options: { code: string; share: number | null }[] | null } | null | undefined) =>
  Object.fromEntries((column?.options ?? []).map((option) => [option.code, percent(option.share)]));
const year = (code: string, y: number) => figures[code]!.years!.find((entry) => entry.year === y)!;

beforeAll(async () => {
  t = await createTestApp();
  const cookie = await signInCoordinator(t);
  await t.openWindow('nok-2023');
  for (const [index, response] of seed002Responses().entries()) {
    await respondentWith(t, `r${index}@example.org`, 'nok-2023', response.sections, { submitted: true });
  }
  const set = await t.gql(
    `mutation($input: ExpectedRegionsInput!) { setCampaignExpectedRegions(input: $input) { __typename } }`,
    { input: { campaignCode: 'nok-2023', regionCodes: EXPECTED_REGIONS } },
    { cookie },
  );
  expect(set.data.setCampaignExpectedRegions.__typename).toBe('MutationSetCampaignExpectedRegionsSuccess');
  analytics = await campaignAnalytics(t.db.prisma, 'nok-2023');
  figures = Object.fromEntries(analytics.questions.map((question) => [question.code, question]));
}, 600_000);
afterAll(() => t?.close());

describe('seed 002 from the answers', () => {
  it('80 of the 85 expected regions took part; the five that did not are named', () => {
    expect(analytics.respondentsCount).toBe(80);
    expect(analytics).toMatchObject({ expectedRegionsCount: 85, participatingRegionsCount: 80 });
    expect(analytics.nonParticipatingRegions.map((region) => region.code).sort()).toEqual([...NOT_TAKING_PART].sort());
  });

  it('figure 10: the selection method per year, n = 74 (2021 exactly; 2022 and 2023 four shares of five, see the notes)', () => {
    expect(year('operator_selection_method', 2021).answered).toBe(74);
    expect(sharesOf(year('operator_selection_method', 2021))).toEqual({
      auction: 25.7,
      single_supplier: 47.3,
      e_quotation: 8.1,
      open_tender: 8.1,
      other: 10.8,
    });
    expect(sharesOf(year('operator_selection_method', 2022))).toMatchObject({
      auction: 18.9,
      single_supplier: 55.4,
      e_quotation: 8.1,
      open_tender: 13.5,
    });
    expect(sharesOf(year('operator_selection_method', 2023))).toMatchObject({
      auction: 24.3,
      single_supplier: 47.3,
      e_quotation: 9.5,
      open_tender: 14.9,
    });
    // Pooled over 2021–2023: 222 answers.
    expect(figures.operator_selection_method!.pooled!.answered).toBe(222);
    // The «иные способы» the text quotes are listed with their regions.
    const others = year('operator_selection_method_other', 2021).texts!;
    expect(others.find((text) => text.region?.code === 'RU-AST')?.text).toBe('Малая закупка');
  });

  it('figure 11: control forms as shares of 79 mentions (the definition says so); by respondents too', () => {
    const column = year('operator_control_forms', 2023);
    expect(column).toMatchObject({ method: 'mentions', mentions: 79, answered: 60 });
    expect(sharesOf(column)).toEqual({
      tz_reporting_requirements: 41.8,
      authority_formal_check: 24.1,
      council_selective_check: 21.5,
      council_in_working_group: 8.9,
      other: 3.8,
    });
    expect(column.options!.find((option) => option.code === 'tz_reporting_requirements')!.shareOfRespondents).toBeCloseTo(33 / 60, 12);
    expect(
      column
        .options!.find((option) => option.code === 'other')!
        .regions.map((region) => region.code)
        .sort(),
    ).toEqual(['RU-MOW', 'RU-SAM', 'RU-TAM']);
  });

  it('figures 12 and 13: online tools (n 79) and paper/online (n 35)', () => {
    expect(year('operator_online_tool', 2023).answered).toBe(79);
    expect(sharesOf(year('operator_online_tool', 2023))).toEqual({
      no: 57,
      operator_own_tool: 29.1,
      bus_gov: 8.9,
      regional_it_service: 3.8,
      treasury_app: 1.3,
    });
    expect(year('operator_paper_online_share', 2023).answered).toBe(35);
    expect(sharesOf(year('operator_paper_online_share', 2023))).toEqual({ online_20: 20, online_40: 20, online_60: 17.1, online_80: 42.9 });
  });

  it('figure 14: 100 practices by level, and their types; n per field', () => {
    const practices = figures.best_practices!;
    expect(practices).toMatchObject({ answered: 80, items: 100 });
    const field = (code: string) => practices.fields!.find((candidate) => candidate.code === code)!;
    expect(field('level')).toMatchObject({
      answered: 100,
      caption: 'Рисунок 14 – Структура практик, представленных в рамках исследования, по уровням управления',
    });
    expect(sharesOf(field('level'))).toEqual({
      organisation: 44,
      region: 37,
      municipality: 2,
      region_organisation: 15,
      municipality_organisation: 1,
      region_municipality_organisation: 1,
    });
    expect(sharesOf(field('type'))).toEqual({ nok_organisation: 24, nok_results_changes: 76 });
  });

  it('table 17 and the funding sources: 49 of 80 (61,2 %) programmes with their names; the regions of the others', () => {
    const funding = year('operator_funding_source', 2023);
    expect(funding.answered).toBe(80);
    expect(sharesOf(funding)).toEqual({ state_programme: 61.3, regional_budget: 35, extrabudgetary: 2.5, free_of_charge: 1.3, other: 0 });
    // The seed prints 61,2 % (49/80 = 61,25 %, rounded down there).
    expect(funding.options![0]!.count).toBe(49);
    expect(
      funding
        .options!.find((option) => option.code === 'extrabudgetary')!
        .regions.map((region) => region.name)
        .sort(),
    ).toEqual(['Республика Дагестан', 'Республика Ингушетия']);
    expect(funding.options!.find((option) => option.code === 'regional_budget')!.regions).toHaveLength(28);
    // Table 17: every programme named, pooled over the years.
    const programmes = figures.operator_funding_programme!.pooled!.texts!.map((text) => text.text);
    expect(programmes).toHaveLength(TABLE_17.length);
    expect(new Set(programmes)).toEqual(new Set(TABLE_17.map(([, programme]) => programme.trim())));
  });

  it('organisations: the total over 3,6 thousand, the regions at the extremes; municipal 396 in 13; non-state 1,4 thousand, none in 13', () => {
    const regional = figures.social_orgs_regional!.numbers!;
    expect(regional).toMatchObject({ sum: 3650, max: 159, min: 2 });
    expect(regional.maxRegions.map((region) => region.name)).toEqual(['Краснодарский край']);
    expect(regional.minRegions.map((region) => region.name)).toEqual(['Ненецкий автономный округ']);
    const municipal = figures.social_orgs_municipal!;
    expect(municipal.answered).toBe(74);
    expect(municipal.numbers).toMatchObject({ sum: 396, max: 80 });
    expect(municipal.numbers!.maxRegions[0]!.code).toBe('RU-KEM');
    expect(figures.social_orgs_nonstate!.numbers).toMatchObject({ sum: 1400, min: 0 });
    expect(figures.social_orgs_nonstate!.numbers!.minRegions).toHaveLength(13);
  });

  it("the operator's cost in 2023: planned mean 623,5, min 5 (Belgorod); actual mean 378, min 3,7 (Sevastopol), max 1 391 (Moscow)", () => {
    const plannedStats = year('operator_planned_price', 2023).numbers!;
    expect(plannedStats.mean).toBeCloseTo(623.5, 6);
    expect(plannedStats).toMatchObject({ min: 5, max: 3678 });
    expect(plannedStats.minRegions.map((region) => region.code)).toEqual(['RU-BEL']);
    const contractStats = year('operator_contract_price', 2023).numbers!;
    expect(contractStats.mean).toBeCloseTo(378, 6);
    expect(contractStats).toMatchObject({ min: 3.7, max: 1391, count: 80 });
    expect(contractStats.minRegions.map((region) => region.code)).toEqual(['RU-SEV']);
    expect(contractStats.maxRegions.map((region) => region.code)).toEqual(['RU-MOW']);
    expect(Math.round(year('operator_orgs_assessed', 2023).numbers!.mean)).toBe(21);
  });

  it('refusals: 2 of 79 (97,5 % none) — named for coordinators, suppressed when published', () => {
    const refusal = year('operator_refusal', 2023);
    expect(refusal.answered).toBe(79);
    expect(sharesOf(refusal)).toEqual({ true: 2.5, false: 97.5 });
    expect(refusal.options![0]!.regions.map((region) => region.code).sort()).toEqual(['RU-ARK', 'RU-KYA']);
  });
});
