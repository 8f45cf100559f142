// Reminders of protocol tasks' deadlines (issue 12, point 4) end to end: contacts recorded for two
// owners of seed 004 (loaded on first start as Кабардино-Балкарская Республика's protocol); the
// preview gives each contact's mail naming the protocol, the item numbers, the deadlines and which are
// overdue; sending queues exactly those mails in the outbox with an audit entry, and the worker
// delivers them to a real SMTP server with the previewed subject and text. Bad input and an audience
// with nothing due change nothing. With a fake date (the service's `today`), the overdue and upcoming
// split follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseToday } from '../../api/src/services/protocolSchedule.ts';
import { taskReminderPreview } from '../../api/src/services/taskReminders.ts';
import { addDays, daysBetween } from '../../api/src/services/taskSchedule.ts';
import { COORDINATOR } from '../helpers/console.ts';
import { databaseFingerprint } from '../helpers/db.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let coordinator = '';
let today = '';
const owners = { labour: 0, health: 0, sport: 0 };

async function gql(query: string, variables: Record<string, unknown> = {}, cookie = coordinator) {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

const MAIL = 'contactId to name ownerName regionCode regionName overdueCount upcomingCount subject text';
const PREVIEW = `query($input: TaskReminderInput!) { taskReminderPreview(input: $input) { __typename
  ... on QueryTaskReminderPreviewSuccess { data { withinDays mails { ${MAIL} } } }
  ... on ValidationError { message fieldErrors { path message } } } }`;
const SEND = `mutation($input: TaskReminderInput!) { sendTaskReminders(input: $input) { __typename
  ... on MutationSendTaskRemindersSuccess { data { queued mails { ${MAIL} } } }
  ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`;
const ADD = `mutation($input: AddOwnerContactInput!) { addOwnerContact(input: $input) { __typename ... on MutationAddOwnerContactSuccess { data { id email } } } }`;

const ownerId = async (name: string) => (await t.db.prisma.taskOwner.findFirstOrThrow({ where: { name: { startsWith: name } } })).id;
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  today = await databaseToday(t.db.prisma);
  owners.labour = await ownerId('Министерство труда');
  owners.health = await ownerId('Министерство здравоохранения');
  owners.sport = await ownerId('Министерство спорта');
  for (const [id, email, name] of [
    [owners.labour, 'mintrud@kbr.example', 'Тюбеев А. И.'],
    [owners.labour, 'otdel-nok@kbr.example', null],
    [owners.health, 'minzdrav@kbr.example', null],
  ] as const) {
    const added = await gql(ADD, { input: { ownerId: String(id), email, name } });
    expect(added.data.addOwnerContact.__typename).toBe('MutationAddOwnerContactSuccess');
  }
});
afterAll(() => t?.close());

describe('reminders of protocol deadlines', () => {
  let preview: any[] = [];

  it('previews one mail per contact naming the protocol, the items, their deadlines and the overdue ones', async () => {
    const answer = await gql(PREVIEW, { input: {} });
    expect(answer.data.taskReminderPreview.__typename).toBe('QueryTaskReminderPreviewSuccess');
    expect(answer.data.taskReminderPreview.data.withinDays).toBe(30);
    preview = answer.data.taskReminderPreview.data.mails;
    expect(preview.map((mail: { to: string }) => mail.to).sort()).toEqual(['mintrud@kbr.example', 'minzdrav@kbr.example', 'otdel-nok@kbr.example']);
    const labour = preview.find((mail: { to: string }) => mail.to === 'mintrud@kbr.example');
    expect(labour).toMatchObject({ regionCode: 'RU-KB', regionName: 'Кабардино-Балкарская Республика', name: 'Тюбеев А. И.' });
    expect(labour.subject).toMatch(/^Просрочено исполнение \d+ пунктов протокола: Министерство труда/);
    const text: string = labour.text;
    expect(text).toMatch(/^Уважаемый коллега!\n\nНапоминаем о сроках исполнения поручений, в которых исполнителем указан\(о\) Министерство труда/);
    expect(text).toContain('Протокол № 3 от 02.06.2017 «');
    // Items 2.1 and 5.1 (15 and 20 June 2017), long overdue on the real date; 5.2 monthly (recurring duty).
    const late = (iso: string) => daysBetween(iso, today);
    expect(text).toContain(`п. 2.1 «Обеспечить создание официальных сайтов всеми государственными и муниципальными организациями`);
    expect(text).toContain(`срок 15.06.2017 — ПРОСРОЧЕНО на ${late('2017-06-15')} `);
    expect(text).toMatch(/п\. 5\.1 «[^»]+» — срок 20\.06\.2017 — ПРОСРОЧЕНО на \d+ д(ень|ня|ней); состояние: не начато\./);
    expect(text).toContain('Просим обеспечить исполнение в установленный срок');
    // The monthly duty 5.2 (20th of each month): its passed dates on one line, its next one coming.
    const day = today.slice(8, 10) <= '20' ? `${today.slice(0, 8)}20` : `${addDays(`${today.slice(0, 8)}01`, 32).slice(0, 8)}20`;
    expect(text).toMatch(
      new RegExp(
        `п\\. 5\\.2 «[^»]+» — ПРОСРОЧЕНО \\d+ срок(а|ов)?: с 20\\.06\\.2017 по [\\d.]+; следующий срок ${ru(day).replaceAll('.', '\\.')} — `,
      ),
    );
    // Every item with a date coming has passed dates too (2017's), so it counts as overdue.
    expect(labour.upcomingCount).toBe(0);
    expect(labour.overdueCount).toBe(text.split('ПРОСРОЧЕНО').length - 1);
    // Health is named in item 2 (inherited by 2.1, 2.2) and 3: not in 5.x.
    const health = preview.find((mail: { to: string }) => mail.to === 'minzdrav@kbr.example');
    expect(health.text).toContain('п. 2.1 «');
    expect(health.text).toContain('п. 3.5 «');
    expect(health.text).not.toContain('п. 5.1 «');
    expect(await t.db.prisma.outboxMail.count()).toBe(0);
  });

  it('refuses a bad range and an audience with nothing due, writing nothing', async () => {
    const before = await databaseFingerprint(t.db);
    const range = await gql(SEND, { input: { withinDays: 91 } });
    expect(range.data.sendTaskReminders).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'withinDays' }] });
    expect(range.data.sendTaskReminders.fieldErrors[0].message).toBe('Срок вперёд — от 0 до 90 дней.');
    const sportContacts = await gql(PREVIEW, { input: { contactIds: ['999999'] } });
    expect(sportContacts.data.taskReminderPreview.data.mails).toEqual([]);
    const nobody = await gql(SEND, { input: { contactIds: ['999999'] } });
    expect(nobody.data.sendTaskReminders).toMatchObject({
      __typename: 'ActionRefusedError',
      message: 'Напоминание некому отправить: ни у одного записанного адресата нет просроченных или подходящих сроков.',
    });
    const respondent = await gql(SEND, { input: {} }, '');
    expect(respondent.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it('queues exactly the previewed mails with an audit entry; the worker delivers them over SMTP', async () => {
    const sent = await gql(SEND, { input: {} });
    expect(sent.data.sendTaskReminders.__typename).toBe('MutationSendTaskRemindersSuccess');
    expect(sent.data.sendTaskReminders.data.queued).toBe(3);
    expect(sent.data.sendTaskReminders.data.mails).toEqual(preview);
    const rows = await t.db.prisma.outboxMail.findMany({ orderBy: { to: 'asc' } });
    expect(rows.map((row) => [row.template, row.to, row.status])).toEqual([
      ['task-reminder', 'mintrud@kbr.example', 'PENDING'],
      ['task-reminder', 'minzdrav@kbr.example', 'PENDING'],
      ['task-reminder', 'otdel-nok@kbr.example', 'PENDING'],
    ]);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'taskReminders.send' } });
    expect(audit.actorEmail).toBe(COORDINATOR.email);
    expect(audit.after).toMatchObject({ withinDays: 30, recipients: 3 });

    await t.deliver();
    const received = await t.mailbox.waitFor(3);
    for (const mail of preview) {
      const got = received.find((parsed) => parsed.to && 'text' in parsed.to && parsed.to.text === mail.to);
      expect(got, mail.to).toBeDefined();
      expect(got!.subject).toBe(mail.subject);
      expect(got!.text?.trim()).toBe(mail.text.trim());
      expect(got!.html).toContain('Протокол № 3 от 02.06.2017');
    }
    expect(await t.db.prisma.outboxMail.count({ where: { status: 'SENT' } })).toBe(3);
  });

  it('splits overdue and upcoming by the database date (a fake date: 25 August 2017)', async () => {
    const { mails } = await taskReminderPreview(t.db.prisma, { today: '2017-08-25', withinDays: 30, contactIds: null });
    const labour = mails.find((mail) => mail.to === 'mintrud@kbr.example')!;
    // Overdue: 2.1, 2.2 (15.06), 3.1 (20.08), 3.5 (15.07, 15.08), 5.1 (20.06), 5.2 (20.06, 20.07, 20.08).
    // Coming by 24.09: 3.2 (30.08), 3.3 (10.09), 3.5 (15.09), 5.2 (20.09), 5.3 (20.09); not 3.4 (01.11), 5.4 (20.11).
    expect(labour.text).toContain('срок 15.06.2017 — ПРОСРОЧЕНО на 71 день; состояние: не начато.');
    expect(labour.text).toMatch(
      /— п\. 5\.2 «[^»]+» — ПРОСРОЧЕНО 3 срока: с 20\.06\.2017 по 20\.08\.2017; следующий срок 20\.09\.2017 — осталось 26 дней; состояние: не начато\./,
    );
    expect(labour.text).toMatch(
      /— п\. 3\.5 «[^»]+» — ПРОСРОЧЕНО 2 срока: с 15\.07\.2017 по 15\.08\.2017; следующий срок 15\.09\.2017 — осталось 21 день;/,
    );
    expect(labour.text).toMatch(/— п\. 3\.2 «[^»]+» — срок 30\.08\.2017 — осталось 5 дней;/);
    expect(labour.text).not.toContain('01.11.2017');
    expect(labour.text).not.toContain('20.11.2017');
    const numbers = [...labour.text.matchAll(/^— п\. ([\d.]+) /gm)].map((match) => match[1]);
    expect(numbers).toEqual(['2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '5.1', '5.2', '5.3']);
    expect(labour.subject).toBe(
      'Просрочено исполнение 6 пунктов протокола: Министерство труда, занятости и социальной защиты Кабардино-Балкарской Республики',
    );
    expect(labour).toMatchObject({ overdueCount: 6, upcomingCount: 3 });
  });
});
