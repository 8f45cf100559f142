// Issue 10, finding 1: a draft questionnaire is the coordinators' business. A client's filter can only
// narrow what the server lets a caller see (lists.ts combines the server's rule and the filter by AND),
// so no filter, id or code reveals a draft to anonymous callers or respondents, on any path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { prismaDir } from '../../api/src/db/migrations.ts';
import { importCampaignDefinition } from '../../api/src/services/campaignDefinitions.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const DRAFT_CODE = 'nok-secret-draft';
const DRAFT_TITLE = 'Черновик анкеты, ещё не опубликован';

let t: TestApp;
let coordinator: string;
let respondent: string;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  const user = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  const { cookie } = await startSession(t.app.auth, user.id);
  coordinator = `${cookie.name}=${cookie.value}`;
  respondent = (await t.respondent('official@altai.example')).cookie;
  const definition = JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2021.json'), 'utf8'));
  const imported = await importCampaignDefinition(t.db.prisma, user, { definition: { ...definition, code: DRAFT_CODE, title: DRAFT_TITLE } });
  expect(imported.campaign.state).toBe('DRAFT');
  draftId = String(imported.campaign.id);
});
afterAll(() => t?.close());

/** Every way a list, a count, a row by id or a code can name the draft. */
const probes = () => [
  `{ allCampaigns(filter: { state: DRAFT }) { code title sections { questions { label } } } }`,
  `{ allCampaigns(filter: { ids: ["${draftId}"] }) { code } }`,
  `{ allCampaigns(filter: { state: DRAFT, ids: ["${draftId}"], year: 2021 }) { code } }`,
  `{ allCampaigns(perPage: 100) { code } }`,
  `{ _allCampaignsMeta(filter: { state: DRAFT }) { count } }`,
  `{ _allCampaignsMeta(filter: { ids: ["${draftId}"] }) { count } }`,
  `{ Campaign(id: "${draftId}") { code sections { title } } }`,
  `{ campaign(code: "${DRAFT_CODE}") { code sections { questions { label } } } }`,
];

describe('a draft campaign', () => {
  for (const [who, cookie] of [
    ['an anonymous caller', () => undefined],
    ['a respondent', () => respondent],
  ] as const) {
    it(`is invisible to ${who} whatever the filter, id or code`, async () => {
      for (const query of probes()) {
        const result = await t.gql(query, {}, { cookie: cookie() });
        expect(result.errors, query).toBeUndefined();
        const text = JSON.stringify(result.data);
        expect(text, query).not.toContain(DRAFT_CODE);
        expect(text, query).not.toContain(DRAFT_TITLE);
      }
      const counts = await t.gql(
        `{ drafts: _allCampaignsMeta(filter: { state: DRAFT }) { count } all: _allCampaignsMeta { count } }`,
        {},
        { cookie: cookie() },
      );
      expect(counts.data.drafts.count).toBe(0);
      expect(counts.data.all.count).toBe(2);
      expect((await t.gql(`{ Campaign(id: "${draftId}") { code } }`, {}, { cookie: cookie() })).data.Campaign).toBeNull();
      expect((await t.gql(`{ campaign(code: "${DRAFT_CODE}") { code } }`, {}, { cookie: cookie() })).data.campaign).toBeNull();
    });
  }

  it("is not a respondent's questionnaire to read or save", async () => {
    const mine = await t.gql(`{ myResponse(campaignCode: "${DRAFT_CODE}") { status } }`, {}, { cookie: respondent });
    expect(mine.data?.myResponse ?? null).toBeNull();
    expect(mine.errors?.[0]?.message).not.toContain(DRAFT_TITLE);
    const save = await t.gql(
      `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename ... on Error { message } } }`,
      { input: { campaignCode: DRAFT_CODE, sectionCode: 'authority', version: 0, answers: {} } },
      { cookie: respondent },
    );
    expect(save.data?.saveSection?.__typename).not.toBe('MutationSaveSectionSuccess');
    expect(await t.db.prisma.response.count({ where: { campaign: { code: DRAFT_CODE } } })).toBe(0);
  });

  it('is listed, counted and read by coordinators, and their filters still narrow', async () => {
    const listed = await t.gql(
      `{ allCampaigns(filter: { state: DRAFT }) { code state } _allCampaignsMeta(filter: { state: DRAFT }) { count }
         all: _allCampaignsMeta { count } published: _allCampaignsMeta(filter: { state: PUBLISHED }) { count } }`,
      {},
      { cookie: coordinator },
    );
    expect(listed.data.allCampaigns).toEqual([{ code: DRAFT_CODE, state: 'DRAFT' }]);
    expect(listed.data._allCampaignsMeta.count).toBe(1);
    expect(listed.data.all.count).toBe(3);
    expect(listed.data.published.count).toBe(2);
    const byId = await t.gql(`{ Campaign(id: "${draftId}") { code } campaign(code: "${DRAFT_CODE}") { title } }`, {}, { cookie: coordinator });
    expect(byId.data).toEqual({ Campaign: { code: DRAFT_CODE }, campaign: { title: DRAFT_TITLE } });
  });

  it('published campaigns stay public, and a filter narrows them for anyone', async () => {
    const result = await t.gql(`{ allCampaigns(filter: { year: 2021 }) { code } _allCampaignsMeta(filter: { state: PUBLISHED }) { count } }`);
    expect(result.data.allCampaigns).toEqual([{ code: 'nok-2021' }]);
    expect(result.data._allCampaignsMeta.count).toBe(2);
  });
});
