// Issue 10, finding 6: authority names come from respondents' free text. Only confirmed ones — named by
// at least one submitted questionnaire — are public; a name typed into a draft (junk included) stays
// private until the questionnaire is sent, and again once a coordinator returns it as a draft.
// Coordinators see every authority.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { schema } from '../../api/src/schema/index.ts';
import { reopenResponse } from '../../api/src/services/respondents.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

const CONFIRMED = 'Министерство социальной защиты Алтайского края';
const DRAFTED = 'Черновое ведомство асдфгх (опечатка респондента)';

let t: TestApp;
let coordinator: { id: string; email: string; cookie: string };
let drafter: string;
let submittedResponseId: number;
let draftedAuthorityId: number;

const LIST = `query($filter: AuthorityFilter) { allAuthorities(filter: $filter, perPage: 100) { name } _allAuthoritiesMeta(filter: $filter) { count } }`;

async function visibleNames(cookie: string | undefined, filter: Record<string, unknown> = {}) {
  const result = await t.gql(LIST, { filter }, { cookie });
  expect(result.errors).toBeUndefined();
  return { names: result.data.allAuthorities.map((authority: { name: string }) => authority.name), count: result.data._allAuthoritiesMeta.count };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  const user = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  const { cookie } = await startSession(t.app.auth, user.id);
  coordinator = { id: user.id, email: user.email, cookie: `${cookie.name}=${cookie.value}` };
  const submitted = await respondentWith(t, 'sent@altai.example', 'nok-2021', [['authority', section1]], { submitted: true });
  submittedResponseId = submitted.responseId!;
  const drafted = await respondentWith(t, 'drafting@moscow.example', 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', authority_name: DRAFTED }],
  ]);
  const session = await startSession(t.app.auth, drafted.user.id);
  drafter = `${session.cookie.name}=${session.cookie.value}`;
  draftedAuthorityId = (await t.db.prisma.authority.findFirstOrThrow({ where: { name: DRAFTED } })).id;
});
afterAll(() => t?.close());

describe('allAuthorities', () => {
  it('lists to anonymous callers and respondents only authorities named by a submitted questionnaire', async () => {
    expect(await t.db.prisma.authority.count()).toBe(2);
    for (const cookie of [undefined, drafter]) {
      expect(await visibleNames(cookie)).toEqual({ names: [CONFIRMED], count: 1 });
      // No filter widens it: not a search for the name, not its id, not its region.
      expect(await visibleNames(cookie, { q: 'асдфгх' })).toEqual({ names: [], count: 0 });
      expect(await visibleNames(cookie, { ids: [String(draftedAuthorityId)] })).toEqual({ names: [], count: 0 });
      const moscow = await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-MOW' } });
      expect(await visibleNames(cookie, { regionId: String(moscow.id) })).toEqual({ names: [], count: 0 });
      const byId = await t.gql(`{ Authority(id: "${draftedAuthorityId}") { name } }`, {}, { cookie });
      expect(byId.data.Authority).toBeNull();
    }
  });

  it('lists every authority to coordinators', async () => {
    const all = await visibleNames(coordinator.cookie);
    expect(all.names.sort()).toEqual([CONFIRMED, DRAFTED].sort());
    expect(all.count).toBe(2);
    expect(await visibleNames(coordinator.cookie, { q: 'асдфгх' })).toEqual({ names: [DRAFTED], count: 1 });
  });

  it('stops listing a name publicly once its only submitted questionnaire is returned as a draft', async () => {
    await reopenResponse(t.db.prisma, coordinator, { responseId: submittedResponseId, reason: 'Уточнить наименование органа' });
    expect(await visibleNames(undefined)).toEqual({ names: [], count: 0 });
    expect((await visibleNames(coordinator.cookie)).count).toBe(2);
  });

  it('keeps pages bounded and says who sees what in its description', async () => {
    const big = await t.gql(`{ allAuthorities(perPage: 101) { name } }`);
    expect(big.errors?.[0]?.message).toMatch(/perPage: от 1 до 100/);
    const fields = schema.getQueryType()!.getFields();
    for (const name of ['allAuthorities', '_allAuthoritiesMeta', 'Authority']) {
      expect(fields[name]!.description, name).toMatch(/submitted questionnaire/);
    }
  });
});
