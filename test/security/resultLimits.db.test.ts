// Finding 8 of issue 10 (its last point): one anonymous query within graphql-armor's limits returned
// megabytes (armor's cost does not multiply by list sizes). A query's data is now bounded for anyone
// who is not a coordinator: over the bound the answer is a short typed refusal, while the same query
// still works for a coordinator and the respondent form's own first load fits easily.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_LIMITS } from '../../api/src/resultLimits.ts';
import { LOAD } from '../../admin/src/form/lib/api.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signInCoordinator } from '../helpers/console.ts';

let t: TestApp;
let coordinator: string;
let respondent: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  respondent = (await t.respondent('reader@example.org')).cookie;
  await t.openWindow('nok-2023');
});
afterAll(() => t?.close());

/** Every practice of the catalogue, 15 times over, each with its form's group and that group's forms twice nested. */
const AMPLIFIED = `{ ${Array.from(
  { length: 15 },
  (_, i) =>
    `p${i}: allPractices(perPage: 100, page: ${i % 3}) { id text source createdAt region { name } sphere { name } form { name group { name forms { name group { forms { name } } } } } }`,
).join(' ')} }`;

async function post(query: string, cookie?: string) {
  const response = await t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables: { code: 'nok-2023' } }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

describe('the size of what a query may return', () => {
  it('refuses the amplified query to an anonymous caller with a short typed error, before sending megabytes', async () => {
    const anonymous = await post(AMPLIFIED);
    expect(anonymous.status).toBeLessThan(500);
    expect(anonymous.body.data).toBeNull();
    expect(anonymous.body.errors).toEqual([
      expect.objectContaining({
        message: 'Ответ слишком велик: запросите меньше полей или страницу поменьше.',
        extensions: { code: 'RESULT_TOO_LARGE' },
      }),
    ]);
    expect(anonymous.bytes).toBeLessThan(1000);
  });

  it('refuses it to a respondent too', async () => {
    const signedIn = await post(AMPLIFIED, respondent);
    expect(signedIn.body.data).toBeNull();
    expect(signedIn.body.errors?.[0]?.extensions?.code).toBe('RESULT_TOO_LARGE');
  });

  it('answers it to a coordinator: it is within every limit of the query text, only its size is bounded', async () => {
    const answered = await post(AMPLIFIED, coordinator);
    expect(answered.body.errors).toBeUndefined();
    expect(Object.keys(answered.body.data)).toHaveLength(15);
    expect(JSON.stringify(answered.body.data).length).toBeGreaterThan(RESULT_LIMITS.respondent);
    expect(answered.bytes).toBeGreaterThan(1_000_000);
  });

  it("lets an anonymous caller and a respondent read a questionnaire whole, and the form's first load", async () => {
    const questionnaire = `{ allCampaigns { code title sections { code title description questions { code type number label help lead required settings options { code label help } } } } }`;
    const anonymous = await post(questionnaire);
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data.allCampaigns.length).toBeGreaterThanOrEqual(2);
    const load = await post(LOAD, respondent);
    expect(load.body.errors).toBeUndefined();
    expect(load.body.data.campaign.code).toBe('nok-2023');
    expect(JSON.stringify(load.body.data).length).toBeLessThan(RESULT_LIMITS.anonymous / 2);
  });
});
