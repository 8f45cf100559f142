// Respondents and responses in the coordinators' console: lists with filters, answers shown with
// labels, and the audited actions reopen / revoke / resend — in a fixed number of queries per page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;
let queries = 0;
const ids: Record<string, { userId: string; responseId: number | null }> = {};

beforeAll(async () => {
  t = await createTestApp({ onQuery: () => (queries += 1) });
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2021');
  const submitted = await respondentWith(
    t,
    'submitted@altai.example',
    'nok-2021',
    [
      ['authority', section1],
      ['measures', { measures: [1, 2, 3, 4, 5].map(measure) }],
    ],
    { submitted: true },
  );
  const draft = await respondentWith(t, 'draft@moscow.example', 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', authority_name: 'Департамент труда г. Москвы' }],
    ['situation', section2at80],
  ]);
  // Registered for 2021 (a personal link of that campaign), nothing saved.
  const idle = await t.db.prisma.user.create({ data: { email: 'idle@tver.example' } });
  const campaign2021 = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  await t.db.prisma.loginLink.create({ data: { userId: idle.id, campaignId: campaign2021.id, tokenSha256: 'idle-2021' } });
  // A 2023 official: answering 2023 only.
  await t.openWindow('nok-2023');
  await respondentWith(t, 'official@kbr.example', 'nok-2023', [['authority', { authority_name: 'Минтруд КБР' }]]);
  ids.submitted = { userId: submitted.user.id, responseId: submitted.responseId };
  ids.draft = { userId: draft.user.id, responseId: draft.responseId };
  ids.idle = { userId: idle.id, responseId: null };
});
afterAll(() => t?.close());

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

describe('allRespondents', () => {
  it('lists respondents only (no coordinators) with progress, status and last activity', async () => {
    const result =
      await as(`{ allRespondents(sortField: "email") { email progress(campaignCode: "nok-2021") status(campaignCode: "nok-2021") lastActivity disabledAt }
      _allRespondentsMeta { count } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data._allRespondentsMeta.count).toBe(4);
    const byEmail = Object.fromEntries(result.data.allRespondents.map((row: any) => [row.email, row]));
    expect(Object.keys(byEmail)).toEqual(['draft@moscow.example', 'idle@tver.example', 'official@kbr.example', 'submitted@altai.example']);
    expect(byEmail['submitted@altai.example']).toMatchObject({ progress: 100, status: 'SUBMITTED', disabledAt: null });
    expect(byEmail['draft@moscow.example'].status).toBe('DRAFT');
    expect(byEmail['draft@moscow.example'].progress).toBeGreaterThan(0);
    expect(byEmail['draft@moscow.example'].lastActivity).not.toBeNull();
    expect(byEmail['idle@tver.example']).toMatchObject({ progress: 0, status: 'NOT_STARTED', lastActivity: null });
  });

  it('filters by e-mail, campaign status and region', async () => {
    const emails = async (filter: Record<string, unknown>) =>
      (
        await as(`query($filter: RespondentFilter) { allRespondents(filter: $filter, sortField: "email") { email } }`, { filter })
      ).data.allRespondents.map((row: any) => row.email);
    const moscow = await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-MOW' } });
    expect(await emails({ q: 'ALTAI' })).toEqual(['submitted@altai.example']);
    expect(await emails({ campaignCode: 'nok-2021', status: 'NOT_STARTED' })).toEqual(['idle@tver.example']);
    expect(await emails({ campaignCode: 'nok-2021', status: 'DRAFT' })).toEqual(['draft@moscow.example']);
    expect(await emails({ campaignCode: 'nok-2021', status: 'SUBMITTED' })).toEqual(['submitted@altai.example']);
    expect(await emails({ regionId: String(moscow.id) })).toEqual(['draft@moscow.example']);
  });

  it('lists a campaign’s respondents only (registered for it or answering it), with status, progress and activity of that campaign', async () => {
    const list = async (campaignCode: string) =>
      (
        await as(
          `query($filter: RespondentFilter, $campaignCode: String!) {
            allRespondents(filter: $filter, sortField: "email") { email status(campaignCode: $campaignCode) progress(campaignCode: $campaignCode) lastActivity(campaignCode: $campaignCode) }
            _allRespondentsMeta(filter: $filter) { count } }`,
          { filter: { campaignCode }, campaignCode },
        )
      ).data;
    const of2023 = await list('nok-2023');
    // Not the 2021 officials as «Не приступил 0 %».
    expect(of2023.allRespondents.map((row: any) => row.email)).toEqual(['official@kbr.example']);
    expect(of2023._allRespondentsMeta.count).toBe(1);
    expect(of2023.allRespondents[0]).toMatchObject({ status: 'DRAFT' });
    expect(of2023.allRespondents[0].lastActivity).not.toBeNull();
    const of2021 = await list('nok-2021');
    expect(of2021.allRespondents.map((row: any) => row.email)).toEqual(['draft@moscow.example', 'idle@tver.example', 'submitted@altai.example']);
    expect(of2021._allRespondentsMeta.count).toBe(3);
    const emails = async (filter: Record<string, unknown>) =>
      (await as(`query($filter: RespondentFilter) { allRespondents(filter: $filter) { email } }`, { filter })).data.allRespondents.map(
        (row: any) => row.email,
      );
    expect(await emails({ campaignCode: 'nok-2023', status: 'NOT_STARTED' })).toEqual([]);
    expect(await emails({ campaignCode: 'nok-2021', status: 'NOT_STARTED' })).toEqual(['idle@tver.example']);
    // The activity of one campaign is not another's: the 2021 draft was saved, nothing in 2023.
    const draft = await as(
      `{ allRespondents(filter: { q: "draft@" }) { any: lastActivity of2021: lastActivity(campaignCode: "nok-2021") of2023: lastActivity(campaignCode: "nok-2023") } }`,
    );
    expect(draft.data.allRespondents[0].any).not.toBeNull();
    expect(draft.data.allRespondents[0].of2021).toBe(draft.data.allRespondents[0].any);
    expect(draft.data.allRespondents[0].of2023).toBeNull();
  });

  it('costs the same number of queries for 1 and for 3 respondents (no N+1)', async () => {
    const count = async (perPage: number) => {
      queries = 0;
      const result = await as(`{ allRespondents(perPage: ${perPage}) { email progress(campaignCode: "nok-2021") lastActivity } }`);
      expect(result.data.allRespondents).toHaveLength(perPage);
      return queries;
    };
    expect(await count(3)).toBe(await count(1));
  });
});

describe('allResponses', () => {
  it('shows answers by section with question and option labels, and measures with type names', async () => {
    const result = await as(`{ allResponses(filter: { campaignCode: "nok-2021", status: SUBMITTED }) {
        id respondentEmail regionName status completion submittedAt
        sections { code title percent answers { questionCode label value text } measureQuestionCodes }
        measures { position typeCode typeName groupName title } } }`);
    expect(result.errors).toBeUndefined();
    const [record] = result.data.allResponses;
    expect(record).toMatchObject({ respondentEmail: 'submitted@altai.example', regionName: 'Алтайский край', status: 'SUBMITTED', completion: 100 });
    const authority = record.sections.find((section: any) => section.code === 'authority');
    const powers = authority.answers.find((answer: any) => answer.questionCode === 'respondent_powers');
    expect(powers.value).toEqual(['bus_gov_publication', 'bus_gov_accuracy']);
    expect(powers.text).toBe(
      'Размещение информации о результатах НОК на официальном сайте bus.gov.ru; Обеспечение достоверности, полноты и своевременности размещения информации',
    );
    expect(authority.answers.find((answer: any) => answer.questionCode === 'region').text).toBe('Алтайский край');
    // The measures section has no answers of its own: it names its measures question, so the console
    // shows the section's measures there (not «Ответов в разделе нет»).
    const measuresSection = record.sections.find((section: any) => section.code === 'measures');
    expect(measuresSection).toMatchObject({ answers: [], measureQuestionCodes: ['measures'] });
    expect(authority.measureQuestionCodes).toEqual([]);
    expect(record.measures).toHaveLength(5);
    expect(record.measures.map((measure: any) => measure.position)).toEqual([0, 1, 2, 3, 4]);
    expect(record.measures[0]).toMatchObject({
      typeCode: 'material_base',
      groupName: 'Прикладные меры, предпринимаемые по итогам проведения оценки',
      title: 'Мероприятие 1',
    });
    expect(record.measures[0].typeName).toMatch(/материально-технической базы/);
  });

  it('costs the same number of queries for 1 and for 2 responses (no N+1)', async () => {
    const count = async (perPage: number) => {
      queries = 0;
      const result = await as(`{ allResponses(perPage: ${perPage}) { respondentEmail sections { answers { text } } measures { typeName } } }`);
      expect(result.data.allResponses).toHaveLength(perPage);
      return queries;
    };
    expect(await count(2)).toBe(await count(1));
    expect((await as(`{ _allResponsesMeta(filter: { campaignCode: "nok-2021" }) { count } }`)).data._allResponsesMeta.count).toBe(2);
  });
});

describe('actions', () => {
  it('reopenResponse returns a submitted questionnaire as a draft, version + 1, audited with the reason', async () => {
    const before = await t.db.prisma.response.findUniqueOrThrow({ where: { id: ids.submitted!.responseId! } });
    const reopen = `mutation($input: ReopenResponseInput!) { reopenResponse(input: $input) { __typename
      ... on MutationReopenResponseSuccess { data { status version submittedAt } } ... on ActionRefusedError { reason message } } }`;
    const result = await as(reopen, { input: { responseId: String(before.id), reason: 'Ошибка в разделе 3' } });
    expect(result.data.reopenResponse.data).toEqual({ status: 'DRAFT', version: before.version + 1, submittedAt: null });
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { action: 'response.reopen' } });
    expect(entry).toMatchObject({
      actorEmail: 'coordinator@vcot.example',
      subjectType: 'Response',
      subjectId: String(before.id),
      reason: 'Ошибка в разделе 3',
    });
    expect(entry!.before).toMatchObject({ status: 'SUBMITTED', version: before.version });
    expect(entry!.after).toMatchObject({ status: 'DRAFT', version: before.version + 1, submittedAt: null });
    // A draft cannot be reopened, and a blank reason is refused; neither writes anything.
    const again = await as(reopen, { input: { responseId: String(before.id), reason: 'ещё раз' } });
    expect(again.data.reopenResponse).toMatchObject({ __typename: 'ActionRefusedError', reason: 'NOT_SUBMITTED' });
    const blank = await as(reopen, { input: { responseId: String(ids.draft!.responseId), reason: '  ' } });
    expect(blank.data.reopenResponse).toMatchObject({ __typename: 'ActionRefusedError', reason: 'REASON_REQUIRED' });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'response.reopen' } })).toBe(1);
  });

  it('resendLink queues a login-link mail and is audited; revokeRespondent disables, revokes links, ends sessions', async () => {
    const userId = ids.draft!.userId;
    const resend = await as(`mutation { resendLink(input: { userId: "${userId}", campaignCode: "nok-2021" }) { __typename } }`);
    expect(resend.data.resendLink.__typename).toBe('MutationResendLinkSuccess');
    const mails = await t.db.prisma.outboxMail.findMany({ where: { to: 'draft@moscow.example' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'login-link', status: 'PENDING', data: { userId, campaignId: expect.any(Number) } });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'respondent.resend_link', subjectId: userId } })).toBe(1);

    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.db.prisma.loginLink.create({ data: { userId, campaignId: campaign.id, tokenSha256: 'hash-draft' } });
    await t.db.prisma.session.create({ data: { id: 'session-hash-draft', userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    const revoked = await as(
      `mutation { revokeRespondent(input: { userId: "${userId}", reason: "Сменился сотрудник" }) { __typename ... on MutationRevokeRespondentSuccess { data { disabledAt } } } }`,
    );
    expect(revoked.data.revokeRespondent.data.disabledAt).not.toBeNull();
    expect(await t.db.prisma.loginLink.count({ where: { userId, revokedAt: null } })).toBe(0);
    expect(await t.db.prisma.session.count({ where: { userId } })).toBe(0);
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { action: 'respondent.revoke' } });
    expect(entry).toMatchObject({ subjectId: userId, reason: 'Сменился сотрудник', after: { linksRevoked: 1, sessionsEnded: 1 } });
    // No link goes to a revoked person.
    const refused = await as(
      `mutation { resendLink(input: { userId: "${userId}", campaignCode: "nok-2021" }) { __typename ... on ActionRefusedError { reason } } }`,
    );
    expect(refused.data.resendLink).toEqual({ __typename: 'ActionRefusedError', reason: 'RESPONDENT_DISABLED' });
  });

  it('resendLink refuses while the window is closed (the link would open nothing), writing nothing', async () => {
    const userId = ids.idle!.userId;
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.db.prisma.campaign.update({ where: { id: campaign.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    try {
      const refused = await as(
        `mutation { resendLink(input: { userId: "${userId}", campaignCode: "nok-2021" }) { __typename ... on Error { code } } }`,
      );
      expect(refused.data.resendLink).toEqual({ __typename: 'WindowClosedError', code: 'WINDOW_CLOSED' });
      expect(await t.db.prisma.outboxMail.count({ where: { to: 'idle@tver.example' } })).toBe(0);
    } finally {
      await t.db.prisma.campaign.update({ where: { id: campaign.id }, data: { closesAt: campaign.closesAt } });
    }
  });

  it('ResponseRecord(id) reads one response', async () => {
    const one = await as(`{ ResponseRecord(id: "${ids.draft!.responseId}") { respondentEmail regionName status } }`);
    expect(one.data.ResponseRecord).toEqual({ respondentEmail: 'draft@moscow.example', regionName: 'Москва', status: 'DRAFT' });
  });
});
