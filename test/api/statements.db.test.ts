// No N+1: a nested query costs a bounded number of SQL statements, whatever the number of rows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ onQuery: (sql) => statements.push(sql) });
});
afterAll(() => t?.close());

async function countStatements(query: string) {
  statements.length = 0;
  const result = await t.gql(query);
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
