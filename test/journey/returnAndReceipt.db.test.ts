// Issue 13, items 1, 2 and 8 through the web surface, with mail to a real SMTP server:
// a sent questionnaire gets a receipt mail with every answer; its personal link then shows it
// read-only (no session, no editing) and the form offers a printable copy; a coordinator's return
// for rework mails the reason and a fresh link, the form's API carries the reason, and reminders
// reach returned questionnaires, alone or with other groups, each person once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueLoginLinkMail } from '../../api/src/email/outbox.ts';
import { COORDINATOR } from '../helpers/console.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';
import { linkIn } from '../helpers/smtp.ts';
import { createTestWeb, sessionCookie, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let coordinator: string;
const OFFICIAL = 'official@altai.example';

async function gql(query: string, variables: Record<string, unknown>, cookie: string) {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: unknown[] };
}

/** Delivers what is due and returns the newest mail to `to` with this subject. */
async function mailTo(to: string, subject: RegExp) {
  await t.deliver();
  const mails = t.mailbox.mails.filter((mail) => JSON.stringify(mail.to).includes(to) && subject.test(mail.subject ?? ''));
  expect(mails.length, `a mail «${subject}» to ${to}`).toBeGreaterThan(0);
  return mails.at(-1)!;
}

/** Signs in with the link of a mail: the session cookie. */
async function signIn(link: URL): Promise<string> {
  const answer = await t.postForm('/auth', { e: link.searchParams.get('e')!, h: link.searchParams.get('h')! });
  expect(answer.status).toBe(303);
  return sessionCookie(answer);
}

const MY = `query { myResponse(campaignCode: "nok-2021") { id status version returnedForRework { reason at } } }`;
const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename ... on MutationSaveSectionSuccess { data { version returnedForRework { reason } } } ... on Error { message } } }`;
const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { __typename ... on MutationSubmitResponseSuccess { data { version status } } ... on Error { message } } }`;
const PREVIEW = `query($input: ReminderInput!) { reminderPreview(input: $input) { __typename ... on QueryReminderPreviewSuccess { data { recipients sample groups { audience recipients } } } ... on ValidationError { fieldErrors { path message } } } }`;
const SEND = `mutation($input: ReminderInput!) { sendReminders(input: $input) { __typename ... on MutationSendRemindersSuccess { data { queued } } ... on Error { message } } }`;

let official: string;
let firstLink: URL;
let version = 0;

async function save(sectionCode: string, answers: unknown) {
  const result = await gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode, version, answers } }, official);
  expect(result.data.saveSection.__typename, JSON.stringify(result)).toBe('MutationSaveSectionSuccess');
  version = result.data.saveSection.data.version;
  return result.data.saveSection.data;
}

async function submit() {
  const result = await gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, official);
  expect(result.data.submitResponse.__typename, JSON.stringify(result)).toBe('MutationSubmitResponseSuccess');
  version = result.data.submitResponse.data.version;
}

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  await t.openWindow('nok-2021');
  const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  // The official registered (a login-link mail) and a colleague who has not started.
  for (const email of [OFFICIAL, 'idle@altai.example']) {
    const user = await t.db.prisma.user.create({ data: { email, role: 'RESPONDENT' } });
    await t.db.prisma.$transaction((tx) => enqueueLoginLinkMail(tx, email, { userId: user.id, campaignId: campaign.id }));
  }
  firstLink = linkIn(await mailTo(OFFICIAL, /Мониторинг/));
  official = await signIn(firstLink);
  await save('authority', section1);
  await save('situation', { ...section2at80, staffing_technologies: 'rather_agree' });
  await save('measures', { measures: [1, 2, 3, 4, 5].map(measure) });
  await save('development', { proposals: 'Проводить обучающие семинары' });
  await submit();
}, 120_000);
afterAll(() => t?.close());

describe('the receipt (item 2)', () => {
  it('is mailed at the submit with every answer, in words', async () => {
    const receipt = await mailTo(OFFICIAL, /^Анкета получена/);
    expect(receipt.text).toContain('Ваша анкета получена');
    expect(receipt.text).toContain('Дата и время отправки:');
    expect(receipt.text).toContain(section1.respondent_name);
    expect(receipt.text).toContain(section1.authority_name);
    expect(receipt.text).toContain('Алтайский край'); // the region by name, not RU-ALT
    expect(receipt.text).toContain('Мероприятие 5');
    expect(receipt.text).toContain('Проводить обучающие семинары');
    expect(receipt.html).toContain('<table');
    expect(receipt.html).toContain(section1.respondent_name);
    // No personal link in it: nothing in the mail signs anybody in.
    expect(receipt.text).not.toContain('/auth?');
    const row = await t.db.prisma.outboxMail.findFirstOrThrow({ where: { template: 'receipt', to: OFFICIAL } });
    expect(row.status).toBe('SENT');
  });

  it('the personal link shows the sent questionnaire read-only, without signing in', async () => {
    const page = await t.request(`${firstLink.pathname}${firstLink.search}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Анкета отправлена');
    expect(html).toContain('Посмотреть отправленную анкету');
    expect(html).not.toContain('Вход по ссылке невозможен');
    // The GET shows no answers (mail scanners follow links).
    expect(html).not.toContain(section1.respondent_name);

    const copy = await t.postForm('/auth/copy', { e: firstLink.searchParams.get('e')!, h: firstLink.searchParams.get('h')! });
    expect(copy.status).toBe(200);
    expect(copy.headers.get('set-cookie')).toBeNull();
    expect(copy.headers.get('cache-control')).toBe('no-store');
    const body = await copy.text();
    expect(body).toContain('Отправленная анкета');
    expect(body).toContain(section1.respondent_name);
    expect(body).toContain('@media print');
    expect(body).not.toMatch(/<form[^>]*action="\/graphql"/);
    // And it still signs nobody in: POST /auth refuses the link.
    const signInAgain = await t.postForm('/auth', { e: firstLink.searchParams.get('e')!, h: firstLink.searchParams.get('h')! });
    expect(signInAgain.status).toBe(400);
    expect(signInAgain.headers.get('set-cookie')).toBeNull();
  });

  it('a wrong token, another address or a cross-site post show no copy', async () => {
    const e = firstLink.searchParams.get('e')!;
    const h = firstLink.searchParams.get('h')!;
    for (const fields of [
      { e, h: `${h.slice(0, -2)}xx` },
      { e: 'someone@else.example', h },
      { e, h: '' },
    ]) {
      const refused = await t.postForm('/auth/copy', fields);
      expect(refused.status).toBe(400);
      expect(await refused.text()).not.toContain(section1.respondent_name);
    }
    const foreign = await t.postForm('/auth/copy', { e, h }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('the signed-in official gets a printable copy at /form/<campaign>/copy; nobody else does', async () => {
    const own = await t.request('/form/nok-2021/copy', { headers: { cookie: official } });
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain(section1.authority_name);
    expect(html).toContain('Вернуться к анкете');
    expect((await t.request('/form/nok-2021/copy')).status).toBe(401);
  });
});

describe('returned for rework (item 1) and reminders to several groups (item 8)', () => {
  it('mails the reason with a fresh link, the form’s API carries the reason, and a reminder group holds it', async () => {
    const { id } = (await gql(MY, {}, official)).data.myResponse;
    const reason = 'Уточните наименование органа власти: укажите полное название.';
    const reopened = await gql(
      `mutation($input: ReopenResponseInput!) { reopenResponse(input: $input) { __typename ... on Error { message } } }`,
      { input: { responseId: id, reason } },
      coordinator,
    );
    expect(reopened.data.reopenResponse.__typename).toBe('MutationReopenResponseSuccess');

    const mail = await mailTo(OFFICIAL, /возвращена на доработку/);
    expect(mail.text).toContain(`Причина: ${reason}`);
    expect(mail.html).toContain('Причина:');
    const link = linkIn(mail);
    expect(link.searchParams.get('e')).toBe(OFFICIAL);
    // The new link signs in (the questionnaire is a draft again), and the form's API says why.
    official = await signIn(link);
    const mine = (await gql(MY, {}, official)).data.myResponse;
    expect(mine.status).toBe('DRAFT');
    expect(mine.returnedForRework).toEqual({ reason, at: expect.any(String) });
    version = mine.version;

    // At 100% it is in neither of the old groups, but in RETURNED; several groups count each person once.
    const only = await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audiences: ['RETURNED'] } }, coordinator);
    expect(only.data.reminderPreview.data).toMatchObject({ recipients: 1, sample: [OFFICIAL] });
    const below = await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audience: 'IN_PROGRESS_BELOW_100' } }, coordinator);
    expect(below.data.reminderPreview.data.recipients).toBe(0);
    const several = await gql(
      PREVIEW,
      { input: { campaignCode: 'nok-2021', audiences: ['NOT_STARTED', 'IN_PROGRESS_BELOW_100', 'RETURNED'] } },
      coordinator,
    );
    expect(several.data.reminderPreview.data).toEqual({
      recipients: 2,
      sample: ['idle@altai.example', OFFICIAL],
      groups: [
        { audience: 'NOT_STARTED', recipients: 1 },
        { audience: 'IN_PROGRESS_BELOW_100', recipients: 0 },
        { audience: 'RETURNED', recipients: 1 },
      ],
    });
    const none = await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audiences: [] } }, coordinator);
    expect(none.data.reminderPreview).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'audiences', message: 'Выберите хотя бы одну группу получателей.' }],
    });

    const before = await t.db.prisma.outboxMail.count({ where: { template: 'reminder' } });
    const sent = await gql(SEND, { input: { campaignCode: 'nok-2021', audiences: ['NOT_STARTED', 'RETURNED'] } }, coordinator);
    expect(sent.data.sendReminders).toEqual({ __typename: 'MutationSendRemindersSuccess', data: { queued: 2 } });
    const queued = await t.db.prisma.outboxMail.findMany({ where: { template: 'reminder' }, orderBy: { to: 'asc' }, skip: before });
    expect(queued.map((row) => row.to).sort()).toEqual(['idle@altai.example', OFFICIAL]);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'campaign.reminders.send' }, orderBy: { at: 'desc' } });
    expect(audit.after).toEqual({ audiences: ['NOT_STARTED', 'RETURNED'], recipients: 2 });
    const reminder = await mailTo(OFFICIAL, /^Напоминание/);
    official = await signIn(linkIn(reminder));
  });

  it('the reason stays through saves and goes once the questionnaire is sent again', async () => {
    const saved = await save('development', { proposals: 'Проводить обучающие семинары для операторов' });
    expect(saved.returnedForRework.reason).toContain('Уточните наименование');
    await submit();
    expect((await gql(MY, {}, official)).data.myResponse.returnedForRework).toBeNull();
    const returned = await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audiences: ['RETURNED'] } }, coordinator);
    expect(returned.data.reminderPreview.data.recipients).toBe(0);
    // A second receipt, with the corrected answer.
    const receipt = await mailTo(OFFICIAL, /^Анкета получена/);
    expect(receipt.text).toContain('Проводить обучающие семинары для операторов');
  });
});
