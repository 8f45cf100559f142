// Issue 10, finding 8 (parts): `npm start` is safe by default. Started without NODE_ENV (as a
// deployment that forgot it would be), the server serves no GraphiQL, lets only coordinators
// introspect the schema and suggests no names in its error messages; only NODE_ENV=development
// exposes the schema (README, the variables' table).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createServerDatabase, prepareDatabase, type ServerDatabase, type ServerProcess, startServer } from '../helpers/processes.ts';

let database: ServerDatabase;
let server: ServerProcess;
let respondentCookie: string;

beforeAll(async () => {
  database = await createServerDatabase();
  const { cookies } = await prepareDatabase(database, { respondents: 1 });
  respondentCookie = cookies[0]!;
  // startServer removes NODE_ENV from the environment it passes on.
  server = await startServer(database.env);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await database?.remove();
});

const INTROSPECTION = '{ __schema { queryType { name } } }';

it('lets only coordinators introspect the schema', async () => {
  const anonymous = new Client(server);
  const respondent = new Client(server, '10.40.0.2');
  respondent.cookie = respondentCookie;
  for (const client of [anonymous, respondent]) {
    const answer = await client.gql(INTROSPECTION);
    expect(answer.data, answer.text).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
  const coordinator = new Client(server, '10.40.0.3');
  await coordinator.signInAsCoordinator();
  const answer = await coordinator.gql(INTROSPECTION);
  expect(answer.data?.__schema.queryType.name, answer.text).toBe('Query');
});

it('serves no GraphiQL and suggests no names', async () => {
  const client = new Client(server, '10.40.0.4');
  const page = await client.request('/graphql', { headers: { accept: 'text/html' } });
  expect(await page.text()).not.toMatch(/graphiql/i);
  const mistake = await client.gql('{ allCampaigns(filter: { state: DRAF }) { code } }');
  expect(mistake.errors?.length).toBeGreaterThan(0);
  expect(mistake.text).not.toMatch(/Did you mean|"DRAFT"/);
});
