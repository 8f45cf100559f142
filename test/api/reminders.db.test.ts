// Reminders end to end: the preview counts the audience, sending queues one mail per person in one
// audited transaction, the outbox worker delivers them to a real SMTP server with a working personal
// link, and the console's outbox list shows what was sent to whom and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR, respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';
import { linkIn } from '../helpers/smtp.ts';
import { createTestWeb, PUBLIC_URL, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let coordinator: string;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(coordinator ? { cookie: coordinator } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data: any; errors?: unknown[] } };
}

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  await t.openWindow('nok-2021');
  const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  for (const [email, disabled] of [
    ['b-idle@example.org', false],
    ['a-idle@example.org', false],
    ['gone@example.org', true],
  ] as const) {
    const user = await t.db.prisma.user.create({ data: { email, disabledAt: disabled ? new Date() : null } });
    await t.db.prisma.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `old-${email}` } });
  }
  await respondentWith(t, 'draft@example.org', 'nok-2021', [['authority', section1]]);
  await respondentWith(t, 'done@example.org', 'nok-2021', [['authority', section1]], { submitted: true });
});
afterAll(() => t?.close());

const PREVIEW = `query($input: ReminderInput!) { reminderPreview(input: $input) { __typename ... on QueryReminderPreviewSuccess { data { recipients sample subject text } } } }`;
const SEND = `mutation($input: ReminderInput!) { sendReminders(input: $input) { __typename ... on MutationSendRemindersSuccess { data { queued } } ... on Error { code message } } }`;

describe('reminders', () => {
  it('previews who would get one (active respondents only) and the text', async () => {
    const notStarted = (await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audience: 'NOT_STARTED' } })).body.data.reminderPreview.data;
    expect(notStarted).toMatchObject({
      recipients: 2,
      sample: ['a-idle@example.org', 'b-idle@example.org'],
      subject: 'Напоминание: мониторинг результатов НОК',
    });
    expect(notStarted.text).toContain('Напоминаем о необходимости заполнить и отправить анкету');
    expect(notStarted.text).toContain('[персональная ссылка будет сформирована при отправке]');
    const inProgress = (await gql(PREVIEW, { input: { campaignCode: 'nok-2021', audience: 'IN_PROGRESS_BELOW_100' } })).body.data.reminderPreview
      .data;
    expect(inProgress).toMatchObject({ recipients: 1, sample: ['draft@example.org'] });
    expect(await t.db.prisma.outboxMail.count()).toBe(0);
  });

  it('queues one mail per recipient with an audit entry; the worker delivers them with a working personal link', async () => {
    const sent = await gql(SEND, { input: { campaignCode: 'nok-2021', audience: 'NOT_STARTED' } });
    expect(sent.body.data.sendReminders).toEqual({ __typename: 'MutationSendRemindersSuccess', data: { queued: 2 } });
    const rows = await t.db.prisma.outboxMail.findMany({ where: { template: 'reminder' }, orderBy: { to: 'asc' } });
    expect(rows.map((row) => row.to)).toEqual(['a-idle@example.org', 'b-idle@example.org']);
    expect(rows[0]!.data).toEqual({ userId: expect.any(String), campaignId: expect.any(Number) });
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { action: 'campaign.reminders.send' } });
    expect(entry).toMatchObject({ actorEmail: COORDINATOR.email, subjectId: 'nok-2021', after: { audience: 'NOT_STARTED', recipients: 2 } });

    expect(await t.deliver()).toEqual({ sent: 2, failed: 0, retried: 0 });
    const mails = await t.mailbox.waitFor(2);
    const mail = mails.find((candidate) => candidate.to && JSON.stringify(candidate.to).includes('a-idle@example.org'))!;
    expect(mail.subject).toBe('Напоминание: мониторинг результатов НОК');
    expect(mail.text).toContain('Напоминаем о необходимости заполнить и отправить анкету');
    expect(mail.html).toContain('<a href="');
    const link = linkIn(mail);
    expect(link.origin).toBe(PUBLIC_URL);
    expect(link.searchParams.get('e')).toBe('a-idle@example.org');
    // The fresh link works (and the older one stopped working once the reminder left).
    const page = await t.request(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Войти');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'a-idle@example.org' } });
    expect(await t.db.prisma.loginLink.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect(await t.db.prisma.loginLink.findFirst({ where: { tokenSha256: 'old-a-idle@example.org' } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
  });

  it('lists the outbox for the console: to, template, status, attempts, sentAt', async () => {
    const listed =
      await gql(`{ allOutboxMails(filter: { template: "reminder" }, sortField: "to") { to template status attempts sentAt lastError createdAt subject }
      _allOutboxMailsMeta(filter: { status: SENT }) { count } }`);
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.allOutboxMails).toEqual([
      expect.objectContaining({
        to: 'a-idle@example.org',
        template: 'reminder',
        status: 'SENT',
        attempts: 1,
        lastError: null,
        sentAt: expect.any(String),
      }),
      expect.objectContaining({
        to: 'b-idle@example.org',
        template: 'reminder',
        status: 'SENT',
        attempts: 1,
        lastError: null,
        sentAt: expect.any(String),
      }),
    ]);
    expect(listed.body.data._allOutboxMailsMeta.count).toBe(2);
  });

  it('says which campaign each mail is about and filters by it (issue 13, item 4)', async () => {
    const [of2021, of2023] = await Promise.all(['nok-2021', 'nok-2023'].map((code) => t.db.prisma.campaign.findUniqueOrThrow({ where: { code } })));
    const mails = async (campaignId: number) =>
      (
        await gql(
          `query($filter: OutboxMailFilter) { allOutboxMails(filter: $filter, sortField: "to") { to campaignId } _allOutboxMailsMeta(filter: $filter) { count } }`,
          {
            filter: { template: 'reminder', campaignId: String(campaignId) },
          },
        )
      ).body.data;
    const listed = await mails(of2021!.id);
    expect(listed.allOutboxMails).toEqual([
      { to: 'a-idle@example.org', campaignId: String(of2021!.id) },
      { to: 'b-idle@example.org', campaignId: String(of2021!.id) },
    ]);
    expect(listed._allOutboxMailsMeta.count).toBe(2);
    expect(await mails(of2023!.id)).toEqual({ allOutboxMails: [], _allOutboxMailsMeta: { count: 0 } });
  });

  it('refuses to send when nobody is in the audience, or when the window is closed, writing nothing', async () => {
    await t.db.prisma.response.updateMany({ data: { completion: 100 } });
    const nobody = await gql(SEND, { input: { campaignCode: 'nok-2021', audience: 'IN_PROGRESS_BELOW_100' } });
    expect(nobody.body.data.sendReminders).toMatchObject({ code: 'ACTION_REFUSED' });
    await t.db.prisma.campaign.update({ where: { code: 'nok-2021' }, data: { closesAt: new Date(Date.now() - 1000) } });
    const closed = await gql(SEND, { input: { campaignCode: 'nok-2021', audience: 'NOT_STARTED' } });
    expect(closed.body.data.sendReminders).toMatchObject({ code: 'WINDOW_CLOSED' });
    expect(await t.db.prisma.outboxMail.count({ where: { template: 'reminder' } })).toBe(2);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'campaign.reminders.send' } })).toBe(1);
  });
});
