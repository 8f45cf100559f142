// The lists' filters, from the schema: an ID that cannot name a row ("abc", a fraction, beyond a
// PostgreSQL integer) is refused as BAD_USER_INPUT naming the field, for every list and every ID field
// of its filter, instead of reaching the database as NaN or an overflow (a masked internal error).
// The authorisation matrix's sweep found these: `allCampaigns(filter: { ids: ["<uuid>"] })` answered
// «Внутренняя ошибка сервера» to anyone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphQLInputObjectType } from 'graphql';
import { startSession } from '../../api/src/auth/sessions.ts';
import { schema } from '../../api/src/schema/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let coordinator: string;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  const { cookie } = await startSession(t.app.auth, user.id);
  coordinator = `${cookie.name}=${cookie.value}`;
});
afterAll(() => t?.close());

const BAD_IDS = ['abc', '1.5', '99999999999', '-99999999999'];
/** Lists whose ids are not integers: any string may name a row. */
const stringIds = new Set(['allOutboxMails.ids', '_allOutboxMailsMeta.ids', 'allRespondents.ids', '_allRespondentsMeta.ids']);

it('refuses an id that names no row in any list filter as BAD_USER_INPUT, never as an internal error', { timeout: 120_000 }, async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const filterArg = field.args.find((arg) => arg.name === 'filter');
    if (!filterArg) continue;
    const filterType = filterArg.type as GraphQLInputObjectType;
    for (const input of Object.values(filterType.getFields())) {
      const typeName = String(input.type).replace(/[[\]!]/g, '');
      if (typeName !== 'ID' || stringIds.has(`${field.name}.${input.name}`)) continue;
      const list = String(input.type).startsWith('[');
      for (const bad of BAD_IDS) {
        const result = await t.gql(
          `query($filter: ${filterType.name}) { ${field.name}(filter: $filter) { __typename } }`,
          { filter: { [input.name]: list ? [bad] : bad } },
          { cookie: coordinator },
        );
        checked++;
        const error = result.errors?.[0];
        const said = JSON.stringify(result.errors ?? result.data);
        if (error?.extensions?.code !== 'BAD_USER_INPUT' || error.message !== `filter.${input.name}: некорректный идентификатор.`) {
          problems.push(`${field.name}(filter: { ${input.name}: ${bad} }): ${said}`);
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});

it('refuses a row id beyond a PostgreSQL integer as BAD_USER_INPUT', async () => {
  for (const name of ['Region', 'Campaign', 'Authority', 'Practice', 'ResponseRecord']) {
    const result = await t.gql(`{ ${name}(id: "99999999999") { __typename } }`, {}, { cookie: coordinator });
    expect(result.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/идентификатор/);
  }
});
