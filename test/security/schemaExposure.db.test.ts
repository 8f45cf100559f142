// Issue 10, finding 8 (parts): what the API tells about itself. By default — whatever NODE_ENV says —
// only coordinators may introspect the schema, no error message suggests a name ("Did you mean …",
// for fields, arguments, input fields, types or enum values), and an unexpected error carries no
// original message or stack; a developer gets them only by asking (exposeSchema, errorDetails /
// GRAPHQL_ERROR_DETAILS=1).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { createApp } from '../../api/src/yoga.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let coordinator: string;
let respondent: string;
const nodeEnv = process.env.NODE_ENV;
const errorDetailsFlag = process.env.GRAPHQL_ERROR_DETAILS;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  const { cookie } = await startSession(t.app.auth, user.id);
  coordinator = `${cookie.name}=${cookie.value}`;
  respondent = (await t.respondent('official@altai.example')).cookie;
});
afterEach(() => {
  // Test files share a worker's process (isolate: false): leave the environment as it was.
  process.env.NODE_ENV = nodeEnv;
  if (errorDetailsFlag === undefined) delete process.env.GRAPHQL_ERROR_DETAILS;
  else process.env.GRAPHQL_ERROR_DETAILS = errorDetailsFlag;
});
afterAll(() => t?.close());

/** Calls an app other than the test's default one (e.g. created with other options). */
async function call(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

describe('introspection', () => {
  const queries = ['{ __schema { queryType { name } } }', '{ __type(name: "Campaign") { fields { name } } }'];

  it('is refused to anonymous callers and respondents, in Russian, as FORBIDDEN', async () => {
    process.env.NODE_ENV = 'production';
    for (const query of queries) {
      for (const cookie of [undefined, respondent]) {
        const result = await t.gql(query, {}, { cookie });
        expect(result.data, query).toBeUndefined();
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.errors?.[0]?.message).toMatch(/только координаторам/);
      }
    }
  });

  it('is answered to coordinators', async () => {
    const result = await t.gql(queries[0]!, {}, { cookie: coordinator });
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe('Query');
  });

  it('is open to anyone only where the schema is exposed on purpose', async () => {
    const exposed = createApp({ prisma: t.db.prisma, exposeSchema: true });
    expect(JSON.parse((await call(exposed, queries[0]!)).text).data.__schema.queryType.name).toBe('Query');
  });
});

describe('"Did you mean …" hints', () => {
  // Each would name something of the schema the caller did not: an enum value, an argument, an input
  // field, a type, a field. [what, query, variables, the name a hint would reveal]
  const mistakes: [string, string, Record<string, unknown>, string][] = [
    ['enum value', '{ allCampaigns(filter: { state: DRAF }) { code } }', {}, '"DRAFT"'],
    ['enum value in a variable', 'query($state: CampaignState) { allCampaigns(filter: { state: $state }) { code } }', { state: 'DRAF' }, '"DRAFT"'],
    ['argument', '{ allCampaigns(filtr: { year: 2021 }) { code } }', {}, '"filter"'],
    ['input field', '{ allCampaigns(filter: { stat: PUBLISHED }) { code } }', {}, '"state"'],
    [
      'input field in a variable',
      'query($filter: CampaignFilter) { allCampaigns(filter: $filter) { code } }',
      { filter: { stat: 'PUBLISHED' } },
      '"state"',
    ],
    ['type', 'query($filter: CampaignFiltr) { allCampaigns(filter: $filter) { code } }', {}, '"CampaignFilter"'],
    ['field', '{ allCampaign { code } }', {}, '"allCampaigns"'],
  ];

  it('appear in no error message, for anyone, by default', async () => {
    process.env.NODE_ENV = 'production';
    for (const [what, query, variables, hint] of mistakes) {
      for (const cookie of [undefined, respondent, coordinator]) {
        const result = await t.gql(query, variables, { cookie });
        expect(result.errors?.length, what).toBeGreaterThan(0);
        const messages = result.errors!.map((error) => error.message).join('\n');
        expect(messages, what).not.toMatch(/Did you mean/i);
        expect(messages, what).not.toContain(hint);
      }
    }
  });

  it('still help a developer where the schema is exposed', async () => {
    const exposed = createApp({ prisma: t.db.prisma, exposeSchema: true });
    expect((await call(exposed, mistakes[0]![1])).text).toMatch(/Did you mean the enum value \\"DRAFT\\"/);
  });
});

describe('an unexpected error', () => {
  // A real failure of the database, not a mock: the table is renamed away for the duration.
  async function withSpheresGone<T>(run: () => Promise<T>): Promise<T> {
    await t.db.prisma.$executeRawUnsafe('ALTER TABLE "Sphere" RENAME TO "Sphere_gone"');
    try {
      return await run();
    } finally {
      await t.db.prisma.$executeRawUnsafe('ALTER TABLE "Sphere_gone" RENAME TO "Sphere"');
    }
  }

  it('reaches an anonymous caller without details even with NODE_ENV=development', async () => {
    process.env.NODE_ENV = 'development';
    const app = createApp({ prisma: t.db.prisma });
    const answer = await withSpheresGone(() => call(app, '{ allSpheres { code } }'));
    const body = JSON.parse(answer.text);
    expect(body.errors[0].message).toBe('Внутренняя ошибка сервера. Попробуйте ещё раз позже.');
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0].extensions).not.toHaveProperty('originalError');
    expect(answer.text).not.toMatch(/originalError|stack|Sphere_gone|prisma|\.ts:\d+|\n\s+at /i);
  });

  it('carries its details only when asked for explicitly (GRAPHQL_ERROR_DETAILS=1)', async () => {
    process.env.GRAPHQL_ERROR_DETAILS = '1';
    const app = createApp({ prisma: t.db.prisma });
    const answer = await withSpheresGone(() => call(app, '{ allSpheres { code } }'));
    expect(JSON.parse(answer.text).errors[0].extensions.originalError.stack).toMatch(/\n\s+at /);
  });
});
