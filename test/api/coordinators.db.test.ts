// The coordinators' API: sign-in, the dashboard, window control with its audit trail — and every
// operation refused to respondents and anonymous callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;
let respondent: { id: string; cookie: string };

const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename ... on Error { code message } } }`;

async function signIn(email: string, password: string) {
  const result = await t.gql(
    `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationSignInSuccess { data } ... on Error { code message } } }`,
    {
      input: { email, password },
    },
  );
  return { result: result.data.signIn, cookie: result.headers.get('set-cookie')?.split(';')[0] };
}

beforeAll(async () => {
  t = await createTestApp();
  await createCoordinator(t.db.prisma, { email: 'coordinator@vcot.example', password: 'correct horse battery' });
  const signed = await signIn('coordinator@vcot.example', 'correct horse battery');
  coordinator = signed.cookie!;
  respondent = await t.respondent('official@altai.example');
  await t.openWindow('nok-2021');
});
afterAll(() => t?.close());

describe('coordinator sign-in', () => {
  it('sets a session cookie for the right password; the password is stored as an argon2id hash', async () => {
    expect(coordinator).toMatch(/^nok_session=/);
    expect((await t.gql('{ viewer { role } }', {}, { cookie: coordinator })).data.viewer.role).toBe('COORDINATOR');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'coordinator@vcot.example' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password, an unknown address and a respondent alike, setting no cookie', async () => {
    for (const [email, password] of [
      ['coordinator@vcot.example', 'wrong password!'],
      ['nobody@vcot.example', 'correct horse battery'],
      ['official@altai.example', 'correct horse battery'],
    ]) {
      const { result, cookie } = await signIn(email!, password!);
      expect(result).toEqual({ __typename: 'SignInRefusedError', code: 'SIGN_IN_REFUSED', message: 'Неверный адрес электронной почты или пароль.' });
      expect(cookie).toBeUndefined();
    }
  });
});

describe('every console operation is refused to anyone else', () => {
  const operations: [string, string, Record<string, unknown>][] = [
    ['campaignDashboard', `query { campaignDashboard(campaignCode: "nok-2021") { submitted } }`, {}],
    ['allAuditLogs', `query { allAuditLogs { id } }`, {}],
    ['_allAuditLogsMeta', `query { _allAuditLogsMeta { count } }`, {}],
    ['AuditLog', `query { AuditLog(id: "1") { id } }`, {}],
    ['openCampaignWindow', `mutation { openCampaignWindow(input: { campaignCode: "nok-2021" }) { __typename } }`, {}],
    ['closeCampaignWindow', `mutation { closeCampaignWindow(input: { campaignCode: "nok-2021" }) { __typename } }`, {}],
    [
      'moveCampaignWindow',
      `mutation { moveCampaignWindow(input: { campaignCode: "nok-2021", closesAt: "2030-01-01T00:00:00Z" }) { __typename } }`,
      {},
    ],
    [
      'extendRegionWindow',
      `mutation { extendRegionWindow(input: { campaignCode: "nok-2021", regionCode: "RU-ALT", closesAt: "2030-01-01T00:00:00Z" }) { __typename } }`,
      {},
    ],
    ['allRespondents', `query { allRespondents { id } }`, {}],
    ['_allRespondentsMeta', `query { _allRespondentsMeta { count } }`, {}],
    ['Respondent', `query { Respondent(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}],
    ['revokeRespondent', `mutation { revokeRespondent(input: { userId: "00000000-0000-0000-0000-000000000000", reason: "x" }) { __typename } }`, {}],
    ['resendLink', `mutation { resendLink(input: { userId: "00000000-0000-0000-0000-000000000000", campaignCode: "nok-2021" }) { __typename } }`, {}],
    ['allResponses', `query { allResponses { id } }`, {}],
    ['_allResponsesMeta', `query { _allResponsesMeta { count } }`, {}],
    ['ResponseRecord', `query { ResponseRecord(id: "1") { id } }`, {}],
    ['reopenResponse', `mutation { reopenResponse(input: { responseId: "1", reason: "x" }) { __typename } }`, {}],
    ['campaignAnalytics', `query { campaignAnalytics(campaignCode: "nok-2021") { respondentsCount } }`, {}],
    ['reminderPreview', `query { reminderPreview(input: { campaignCode: "nok-2021", audience: NOT_STARTED }) { __typename } }`, {}],
    ['sendReminders', `mutation { sendReminders(input: { campaignCode: "nok-2021", audience: NOT_STARTED }) { __typename } }`, {}],
    ['allOutboxMails', `query { allOutboxMails { id } }`, {}],
    ['_allOutboxMailsMeta', `query { _allOutboxMailsMeta { count } }`, {}],
    ['OutboxMail', `query { OutboxMail(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}],
    [
      'createPractice',
      `mutation { createPractice(input: { text: "Премирование руководителей по итогам НОК", regionId: "1", sphereId: "1", formId: "1" }) { __typename } }`,
      {},
    ],
    ['updatePractice', `mutation { updatePractice(input: { id: "1", text: "Премирование руководителей по итогам НОК" }) { __typename } }`, {}],
    ['deletePractice', `mutation { deletePractice(input: { id: "1", reason: "Дубликат" }) { __typename } }`, {}],
    ['setPlanTargetActual', `mutation { setPlanTargetActual(input: { targetId: "1", actual: "47.5" }) { __typename } }`, {}],
    ['allMeasures', `query { allMeasures { id } }`, {}],
    ['_allMeasuresMeta', `query { _allMeasuresMeta { count } }`, {}],
    ['Measure', `query { Measure(id: "1") { id } }`, {}],
    ['measureSummary', `query { measureSummary(campaignCode: "nok-2021") { __typename } }`, {}],
    ['updateAuthority', `mutation { updateAuthority(input: { id: "1", name: "Министерство" }) { __typename } }`, {}],
    ['campaignDefinitionPreview', `query { campaignDefinitionPreview(definition: {}) { __typename } }`, {}],
    ['campaignDefinitionDocument', `query { campaignDefinitionDocument(code: "nok-2021") { __typename } }`, {}],
    ['importCampaignDefinition', `mutation { importCampaignDefinition(input: { definition: {} }) { __typename } }`, {}],
    [
      'updateQuestionTexts',
      `mutation { updateQuestionTexts(input: { campaignCode: "nok-2021", questionCode: "region", options: [] }) { __typename } }`,
      {},
    ],
    ['taskContactsDue', `query { taskContactsDue { email } }`, {}],
    ['addOwnerContact', `mutation { addOwnerContact(input: { ownerId: "1", email: "minzdrav@kbr.example" }) { __typename } }`, {}],
    ['removeOwnerContact', `mutation { removeOwnerContact(input: { id: "1" }) { __typename } }`, {}],
    ['matchTaskOwner', `mutation { matchTaskOwner(input: { ownerId: "1", authorityId: null }) { __typename } }`, {}],
    ['taskReminderPreview', `query { taskReminderPreview(input: {}) { __typename } }`, {}],
    ['sendTaskReminders', `mutation { sendTaskReminders(input: {}) { __typename } }`, {}],
    ['allPortalTokens', `query { allPortalTokens { id } }`, {}],
    ['_allPortalTokensMeta', `query { _allPortalTokensMeta { count } }`, {}],
    ['PortalToken', `query { PortalToken(id: "1") { id } }`, {}],
    ['issuePortalToken', `mutation { issuePortalToken(input: { name: "Портал", regionCode: "RU-KB" }) { __typename } }`, {}],
    ['rotatePortalToken', `mutation { rotatePortalToken(input: { id: "1" }) { __typename } }`, {}],
    ['revokePortalToken', `mutation { revokePortalToken(input: { id: "1" }) { __typename } }`, {}],
    ['allowPortalOperations', `mutation { allowPortalOperations(input: { id: "1", document: "query A { __typename }" }) { __typename } }`, {}],
    ['clearPortalOperations', `mutation { clearPortalOperations(input: { id: "1" }) { __typename } }`, {}],
    ['publishCampaignAnalytics', `mutation { publishCampaignAnalytics(input: { campaignCode: "nok-2021" }) { __typename } }`, {}],
    [
      'setCampaignExpectedRegions',
      `mutation { setCampaignExpectedRegions(input: { campaignCode: "nok-2021", regionCodes: ["RU-KB"] }) { __typename } }`,
      {},
    ],
  ];
  for (const [name, query] of operations) {
    it(name, async () => {
      const before = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
      const anonymous = await t.gql(query);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const asRespondent = await t.gql(query, {}, { cookie: respondent.cookie });
      expect(asRespondent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(asRespondent.errors?.[0]?.message).toBe('Недостаточно прав для этого действия.');
      expect(await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).toEqual(before);
      expect(await t.db.prisma.auditLog.count()).toBe(0);
      expect(await t.db.prisma.regionWindowExtension.count()).toBe(0);
      expect(await t.db.prisma.outboxMail.count()).toBe(0);
    });
  }

  it('covers every field that only coordinators may call', async () => {
    const { schema } = await import('../../api/src/schema/index.ts');
    const coordinatorOnly = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((type) => Object.values(type.getFields()))
      .filter((field) => {
        const scopes = (field.extensions.pothosOptions as { authScopes?: Record<string, boolean> }).authScopes!;
        return Object.keys(scopes).join() === 'coordinator';
      })
      .map((field) => field.name)
      .sort();
    expect(coordinatorOnly).toEqual(operations.map(([name]) => name).sort());
  });
});

describe('the dashboard', () => {
  it('counts by status, lists all 89 regions with «не участвует», and averages sections in the database', async () => {
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const [altai, moscow] = await Promise.all(['RU-ALT', 'RU-MOW'].map((code) => t.db.prisma.region.findUniqueOrThrow({ where: { code } })));
    const fixtures = [
      {
        email: 'a1@example.org',
        region: altai!.id,
        status: 'SUBMITTED' as const,
        completion: 100,
        sections: { authority: 100, situation: 100, measures: 100, development: 100 },
      },
      {
        email: 'a2@example.org',
        region: altai!.id,
        status: 'DRAFT' as const,
        completion: 82,
        sections: { authority: 100, situation: 80, measures: 0, development: 0 },
      },
      {
        email: 'm1@example.org',
        region: moscow!.id,
        status: 'DRAFT' as const,
        completion: 45,
        sections: { authority: 100, situation: 0, measures: 0, development: 0 },
      },
    ];
    for (const fixture of fixtures) {
      const user = await t.db.prisma.user.create({ data: { email: fixture.email } });
      await t.db.prisma.response.create({
        data: {
          campaignId: campaign.id,
          respondentId: user.id,
          regionId: fixture.region,
          status: fixture.status,
          completion: fixture.completion,
          sectionCompletion: fixture.sections,
        },
      });
      await t.db.prisma.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `hash-${fixture.email}` } });
    }
    // Two more registered respondents who have not started.
    for (const email of ['n1@example.org', 'n2@example.org']) {
      const user = await t.db.prisma.user.create({ data: { email } });
      await t.db.prisma.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `hash-${email}` } });
    }
    const result = await t.gql(
      `{ campaignDashboard(campaignCode: "nok-2021") { windowState daysLeft registered notStarted inProgress submitted sectionCodes sections { code title }
          regions { code name participates responses inProgress submitted completion sections { code percent } } } }`,
      {},
      { cookie: coordinator },
    );
    const dashboard = result.data.campaignDashboard;
    expect(dashboard).toMatchObject({ windowState: 'OPEN', registered: 5, notStarted: 2, inProgress: 2, submitted: 1 });
    expect(dashboard.daysLeft).toBeGreaterThanOrEqual(9);
    expect(dashboard.regions).toHaveLength(89);
    expect(dashboard.sections.map((section: any) => section.code)).toEqual(dashboard.sectionCodes);
    expect(dashboard.sections[3]).toEqual({ code: 'development', title: 'Развитие системы НОК' });
    const altaiRow = dashboard.regions.find((row: any) => row.code === 'RU-ALT');
    expect(altaiRow).toMatchObject({ participates: true, responses: 2, inProgress: 1, submitted: 1, completion: 91 });
    expect(altaiRow.sections).toEqual([
      { code: 'authority', percent: 100 },
      { code: 'situation', percent: 90 },
      { code: 'measures', percent: 50 },
      { code: 'development', percent: 50 },
    ]);
    expect(dashboard.regions.filter((row: any) => !row.participates)).toHaveLength(87);
  });
});

describe('window control', () => {
  it('closing the window refuses later saves and is recorded with before and after', async () => {
    const closed = await t.gql(
      `mutation { closeCampaignWindow(input: { campaignCode: "nok-2021", reason: "Срок истёк" }) { __typename ... on MutationCloseCampaignWindowSuccess { data { windowState } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(closed.data.closeCampaignWindow.data.windowState).toBe('CLOSED');
    const save = await t.gql(
      SAVE,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } },
      { cookie: respondent.cookie },
    );
    expect(save.data.saveSection.__typename).toBe('WindowClosedError');
    const [entry] = await t.db.prisma.auditLog.findMany();
    expect(entry).toMatchObject({
      actorEmail: 'coordinator@vcot.example',
      action: 'campaign.window.close',
      subjectType: 'Campaign',
      subjectId: 'nok-2021',
      reason: 'Срок истёк',
    });
    expect(new Date((entry!.before as any).closesAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date((entry!.after as any).closesAt).getTime()).toBeLessThanOrEqual(Date.now());
    const listed = await t.gql('{ allAuditLogs(sortField: "at", sortOrder: DESC) { action actorEmail before after } }', {}, { cookie: coordinator });
    expect(listed.data.allAuditLogs[0].action).toBe('campaign.window.close');
    // Filters by who (part of the address, any case) and when.
    const count = async (filter: Record<string, unknown>) =>
      (await t.gql('query($filter: AuditLogFilter) { _allAuditLogsMeta(filter: $filter) { count } }', { filter }, { cookie: coordinator })).data
        ._allAuditLogsMeta.count;
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(await count({ actor: 'COORDINATOR@VCOT' })).toBe(1);
    expect(await count({ actor: 'someone-else' })).toBe(0);
    expect(await count({ from: hourAgo, to: inAnHour, subjectType: 'Campaign' })).toBe(1);
    expect(await count({ from: inAnHour })).toBe(0);
    expect(await count({ to: hourAgo })).toBe(0);
  });

  it('extending the window for one region lets only that region answer', async () => {
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const extended = await t.gql(
      `mutation($input: ExtendRegionWindowInput!) { extendRegionWindow(input: $input) { __typename ... on Error { message } } }`,
      { input: { campaignCode: 'nok-2021', regionCode: 'RU-ALT', closesAt: until, reason: 'Просьба региона' } },
      { cookie: coordinator },
    );
    expect(extended.data.extendRegionWindow.__typename).toBe('MutationExtendRegionWindowSuccess');
    const altai = await t.gql(
      SAVE,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } },
      { cookie: respondent.cookie },
    );
    expect(altai.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    const moscow = await t.respondent('moscow@example.org');
    const refused = await t.gql(
      SAVE,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: { ...section1, region: 'RU-MOW' } } },
      { cookie: moscow.cookie },
    );
    expect(refused.data.saveSection.__typename).toBe('WindowClosedError');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'campaign.window.extend_region' } })).toBe(1);
  });

  it('moving the window to dates that do not make sense is refused and changes nothing', async () => {
    const before = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const moved = await t.gql(
      `mutation { moveCampaignWindow(input: { campaignCode: "nok-2021", opensAt: "2030-01-10T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" }) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(moved.data.moveCampaignWindow).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'closesAt', message: 'Дата закрытия должна быть позже даты открытия.' }],
    });
    expect(await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).toEqual(before);
  });
});
