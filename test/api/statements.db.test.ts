// No N+1: a nested query costs a bounded number of SQL statements, whatever the number of rows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

let t: TestApp;
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ onQuery: (sql) => statements.push(sql) });
});
afterAll(() => t?.close());

async function countStatements(query: string, variables?: Record<string, unknown>, cookie?: string) {
  statements.length = 0;
  const result = await t.gql(query, variables, { cookie });
  expect(result.errors).toBeUndefined();
  return { count: statements.length, data: result.data };
}

it('campaigns → sections → questions → options costs 4 statements for both campaigns', async () => {
  const { count, data } = await countStatements(`{
    allCampaigns { code sections { code questions { code options { code label } } } }
  }`);
  const questions = data.allCampaigns.flatMap((campaign: any) => campaign.sections.flatMap((section: any) => section.questions));
  expect(data.allCampaigns).toHaveLength(2);
  expect(questions.length).toBeGreaterThan(30);
  console.log(`nested campaign query: ${count} SQL statements for ${data.allCampaigns.length} campaigns, ${questions.length} questions`);
  expect(count).toBeLessThanOrEqual(4);
});

it('plan → indicators → targets and activities → items stays bounded', async () => {
  const { count, data } = await countStatements(`{
    allPlans { code indicators { number targets { year targetMin targetMax } } activities { number items { number } } }
  }`);
  expect(data.allPlans[0].indicators).toHaveLength(3);
  expect(data.allPlans[0].activities).toHaveLength(18);
  expect(count).toBeLessThanOrEqual(5);
});

it('regions with their federal district cost one statement', async () => {
  const { count, data } = await countStatements(`{ allRegions(perPage: 100) { code name federalDistrictName } }`);
  expect(data.allRegions).toHaveLength(89);
  expect(count).toBe(1);
});

it('saving a section costs at most 6 statements, the session check and the commit included', async () => {
  await t.openWindow('nok-2021');
  const { cookie } = await t.respondent('counted@example.org');
  const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename ... on MutationSaveSectionSuccess { data { version } } } }`;
  let version = 0;
  const save = async (sectionCode: string, answers: Record<string, unknown>) => {
    const { count, data } = await countStatements(SAVE, { input: { campaignCode: 'nok-2021', sectionCode, version, answers } }, cookie);
    expect(data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    version = data.saveSection.data.version;
    return { count, sent: [...statements] };
  };
  // The first save of the process reads the reference data and the questionnaire, once.
  await save('authority', section1);
  const saves: [string, Record<string, unknown>][] = [
    ['authority', { ...section1, respondent_position: 'Главный специалист' }],
    ['situation', section2at80],
    ['measures', { measures: [1, 2, 3].map(measure) }],
    ['measures', { measures: [1].map(measure) }],
  ];
  for (const [sectionCode, answers] of saves) {
    const { count, sent } = await save(sectionCode, answers);
    console.log(`saveSection ${sectionCode}: ${count} SQL statements`);
    expect(count, sent.join('\n---\n')).toBeLessThanOrEqual(6);
    expect(
      sent.filter((sql) => /FROM "public"\."(Region|MeasureType)"/.test(sql)),
      'reference data read again',
    ).toEqual([]);
  }
  const mine = await t.gql(`{ myResponse(campaignCode: "nok-2021") { version answers(sectionCode: "measures") { value } } }`, {}, { cookie });
  expect(mine.data.myResponse.version).toBe(version);
  expect(mine.data.myResponse.answers[0].value.map((item: { title: string }) => item.title)).toEqual(['Мероприятие 1']);
});
