// Issue 12 through the API: seed 004, loaded on first start as the protocol of
// Кабардино-Балкарская Республика, read by a coordinator (the tree, deadlines, statuses, overdue
// marks, the view across regions) and by the region's portal token; a coordinator marks a task done
// and the roll-up and overdue counts follow; the region's portal reports progress with the
// taskReports scope (audited); a token of another region sees nothing of the protocol and can
// report on none of it; a token without the scope is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { databaseToday } from '../../api/src/services/protocolSchedule.ts';
import { addDays } from '../../api/src/services/taskSchedule.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signInCoordinator } from '../helpers/console.ts';
import { databaseFingerprint, REFUSAL_LOGS } from '../helpers/db.ts';

/** Every table but the refusal logs and what a portal's call itself writes (its budget, its last use). */
const fingerprint = () => databaseFingerprint(t.db, new Set([...REFUSAL_LOGS, 'PortalBudget', 'PortalToken']));

let t: TestApp;
let cookie: string;
let today: string;
const issuer = { id: 'test', email: 'coordinator@vcot.example' };
const tokens = { kbTasks: '', kbReports: '', kbStatus: '', altai: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const TREE = `query Tree($id: ID!) { Protocol(id: $id) {
  id number date title chair region { code } attendees { name } controller
  progress { status progress done total overdue }
  items { number deadline recurrence owners { owner { name } inherited }
    progress { status progress done total overdue }
    children { id number deadline deadlineText recurrence recommendationNumbers occurrencesCount
      progress { status progress done total overdue }
      nextOccurrence { id dueOn status overdue } } } } }`;

let protocolId: string;

beforeAll(async () => {
  t = await createTestApp({ portalBudget: { points: 1_000_000, maxCostPerOperation: 100_000 } });
  cookie = await signInCoordinator(t);
  today = await databaseToday(t.db.prisma);
  tokens.kbTasks = (await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-KB', name: 'Портал КБР', scopes: ['tasks'] })).secret;
  tokens.kbReports = (
    await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-KB', name: 'Портал Минтруда КБР', scopes: ['tasks', 'taskReports'] })
  ).secret;
  tokens.kbStatus = (await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-KB', name: 'Статус КБР', scopes: ['status'] })).secret;
  tokens.altai = (
    await issuePortalToken(t.db.prisma, issuer, {
      regionCode: 'RU-ALT',
      name: 'Алтай',
      scopes: ['status', 'answers', 'personal', 'report', 'tasks', 'taskReports'],
    })
  ).secret;
  protocolId = String((await t.db.prisma.protocol.findFirstOrThrow({ where: { region: { code: 'RU-KB' } } })).id);
});
afterAll(() => t?.close());

async function occurrenceOf(itemNumber: string, sequence = 0): Promise<number> {
  return (await t.db.prisma.taskOccurrence.findFirstOrThrow({ where: { item: { number: itemNumber }, sequence } })).id;
}

describe('seed 004 loaded on first start', () => {
  it('is the protocol of RU-KB with every item, deadline and recurring duty', async () => {
    // As if the server had been running since before the horizon moved: 3.5's last three months are
    // missing; the first request of the day extends the duty again.
    const item35 = await t.db.prisma.protocolItem.findFirstOrThrow({ where: { number: '3.5' } });
    const all35 = await t.db.prisma.taskOccurrence.count({ where: { itemId: item35.id } });
    await t.db.prisma.taskOccurrence.deleteMany({ where: { itemId: item35.id, sequence: { gte: all35 - 3 } } });
    await t.db.prisma.protocolItem.update({ where: { id: item35.id }, data: { generatedUntil: new Date('2020-01-01T00:00:00Z') } });

    const list = await t.gql('{ allProtocols { id number date region { code } itemsCount } _allProtocolsMeta { count } }', {}, { cookie });
    expect(list.errors).toBeUndefined();
    expect(list.data.allProtocols).toEqual([{ id: protocolId, number: '3', date: '2017-06-02', region: { code: 'RU-KB' }, itemsCount: 16 }]);

    const tree = await t.gql(TREE, { id: protocolId }, { cookie });
    expect(tree.errors).toBeUndefined();
    const protocol = tree.data.Protocol;
    expect(protocol.chair).toBe('Ахохов Т.Б.');
    expect(protocol.attendees).toHaveLength(30);
    expect(protocol.items.map((i: { number: string }) => i.number)).toEqual(['1', '2', '3', '4', '5']);
    const deadlines = Object.fromEntries(
      protocol.items.flatMap((i: { children: { number: string; deadline: string; recurrence: string }[] }) =>
        i.children.map((c) => [c.number, `${c.deadline} ${c.recurrence}`]),
      ),
    );
    expect(deadlines).toEqual({
      '2.1': '2017-06-15 NONE',
      '2.2': '2017-06-15 NONE',
      '3.1': '2017-08-20 NONE',
      '3.2': '2017-08-30 NONE',
      '3.3': '2017-09-10 NONE',
      '3.4': '2017-11-01 NONE',
      '3.5': '2017-07-15 MONTHLY',
      '5.1': '2017-06-20 NONE',
      '5.2': '2017-06-20 MONTHLY',
      '5.3': '2017-09-20 NONE',
      '5.4': '2017-11-20 NONE',
    });
    // Every 2017 deadline has passed: all overdue, nothing done; item 1 is no task.
    expect(protocol.items[0].progress).toEqual({ status: null, progress: null, done: 0, total: 0, overdue: 0 });
    expect(protocol.items[1].progress).toMatchObject({ status: 'NOT_STARTED', progress: 0, done: 0, total: 2, overdue: 2 });
    expect(protocol.items[1].owners.map((o: { inherited: boolean }) => o.inherited)).toEqual([false, false, false, false, false, false]);
    expect(protocol.items[1].children[0].nextOccurrence).toMatchObject({ dueOn: '2017-06-15', status: 'NOT_STARTED', overdue: true });
    expect(await t.db.prisma.taskOccurrence.count({ where: { itemId: item35.id } })).toBe(all35);
  });
});

describe('tracking', () => {
  it('a coordinator marks a task done: the parent rolls up, the overdue count drops, the audit log has it', async () => {
    const overdueBefore = (await t.gql('{ _allTaskOccurrencesMeta(filter: { overdue: true }) { count } }', {}, { cookie })).data
      ._allTaskOccurrencesMeta.count;
    const id = await occurrenceOf('2.1');
    const done = await t.gql(
      'mutation($input: SetTaskStatusInput!) { setTaskStatus(input: $input) { __typename ... on MutationSetTaskStatusSuccess { data { id status overdue statusChangedBy } } } }',
      { input: { occurrenceId: String(id), status: 'DONE', reason: 'Сайты созданы' } },
      { cookie },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data.setTaskStatus.data).toMatchObject({ status: 'DONE', overdue: false, statusChangedBy: 'coordinator@vcot.example' });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.status', subjectId: String(id) } });
    expect(audit).toMatchObject({ actorEmail: 'coordinator@vcot.example', reason: 'Сайты созданы' });
    expect(audit.after).toMatchObject({ region: 'RU-KB', item: '2.1', dueOn: '2017-06-15', status: 'DONE' });

    const tree = await t.gql(TREE, { id: protocolId }, { cookie });
    expect(tree.data.Protocol.items[1].progress).toMatchObject({ status: 'IN_PROGRESS', progress: 0.5, done: 1, total: 2, overdue: 1 });
    const overdueAfter = (await t.gql('{ _allTaskOccurrencesMeta(filter: { overdue: true }) { count } }', {}, { cookie })).data
      ._allTaskOccurrencesMeta.count;
    expect(overdueAfter).toBe(overdueBefore - 1);
  });

  it('lists across regions what is due in the next 30 days and what is overdue, filtered and sorted', async () => {
    // Expected from the document: 3.5 falls due on the 15th and 5.2 on the 20th of every month.
    const horizon = addDays(today, 30);
    const expected: string[] = [];
    for (let d = today; d <= horizon; d = addDays(d, 1)) {
      if (d.endsWith('-15')) expected.push(`3.5 ${d}`);
      if (d.endsWith('-20')) expected.push(`5.2 ${d}`);
    }
    const upcoming = await t.gql(
      `{ allTaskOccurrences(filter: { dueWithinDays: 30 }, sortField: "dueOn", perPage: 100) { dueOn overdue daysLeft item { number protocol { region { code } } } }
         _allTaskOccurrencesMeta(filter: { dueWithinDays: 30 }) { count } }`,
      {},
      { cookie },
    );
    expect(upcoming.errors).toBeUndefined();
    expect(upcoming.data.allTaskOccurrences.map((o: { dueOn: string; item: { number: string } }) => `${o.item.number} ${o.dueOn}`)).toEqual(expected);
    expect(
      upcoming.data.allTaskOccurrences.every((o: { overdue: boolean; daysLeft: number }) => !o.overdue && o.daysLeft >= 0 && o.daysLeft <= 30),
    ).toBe(true);

    const attention = await t.gql(
      `{ allTaskOccurrences(filter: { dueWithinDays: 30, includeOverdue: true, owner: "труда", regionId: "${(await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-KB' } })).id}" }, sortField: "dueOn", sortOrder: DESC, perPage: 5) { dueOn status item { number } }
         _allTaskOccurrencesMeta(filter: { dueWithinDays: 30, includeOverdue: true, owner: "труда" }) { count } }`,
      {},
      { cookie },
    );
    expect(attention.errors).toBeUndefined();
    const dueOns = attention.data.allTaskOccurrences.map((o: { dueOn: string }) => o.dueOn);
    expect(dueOns).toEqual([...dueOns].sort().reverse());
    expect(dueOns[0] <= horizon).toBe(true);
    // The labour ministry answers for items 2, 3 and 5: everything dated up to the horizon but 2.1 (done).
    const dated = await t.db.prisma.taskOccurrence.count({ where: { dueOn: { lte: new Date(`${horizon}T00:00:00Z`) }, status: { not: 'DONE' } } });
    expect(attention.data._allTaskOccurrencesMeta.count).toBe(dated);

    const bad = await t.gql('{ allTaskOccurrences(filter: { dueFrom: "2017-13-01" }) { id } }', {}, { cookie });
    expect(bad.errors?.[0]).toMatchObject({
      message: 'filter.dueFrom: Дата в формате ГГГГ-ММ-ДД, например 2017-06-15.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badSort = await t.gql('{ allTaskOccurrences(sortField: "text") { id } }', {}, { cookie });
    expect(badSort.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a report with evidence and a status; a bad one is refused naming its field and writes nothing', async () => {
    const id = await occurrenceOf('3.3');
    const before = await fingerprint();
    const refused = await t.gql(
      'mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }',
      { input: { occurrenceId: String(id), text: '  ', evidenceUrl: 'ftp://x' } },
      { cookie },
    );
    expect(refused.data.reportTaskProgress.fieldErrors).toEqual([
      { path: 'text', message: 'Опишите, что сделано.' },
      { path: 'evidenceUrl', message: 'Ссылка на подтверждение: адрес, начинающийся с http:// или https://.' },
    ]);
    expect(await fingerprint()).toEqual(before);
    const gone = await t.gql(
      'mutation { reportTaskProgress(input: { occurrenceId: "99999999", text: "x" }) { __typename ... on NotFoundError { message } } }',
      {},
      { cookie },
    );
    expect(gone.data.reportTaskProgress).toEqual({ __typename: 'NotFoundError', message: 'Срок задачи не найден: обновите страницу.' });
  });
});

describe("the region's portal", () => {
  it('reads the same protocol and tasks with the tasks scope', async () => {
    const asPortal = await t.gql(TREE, { id: protocolId }, bearer(tokens.kbTasks));
    const asCoordinator = await t.gql(TREE, { id: protocolId }, { cookie });
    expect(asPortal.errors).toBeUndefined();
    expect(asPortal.data).toEqual(asCoordinator.data);
    const count = await t.gql('{ _allTaskOccurrencesMeta { count } }', {}, bearer(tokens.kbTasks));
    expect(count.data._allTaskOccurrencesMeta.count).toBe(await t.db.prisma.taskOccurrence.count());
    // Contacts are the coordinators' business.
    const contacts = await t.gql('{ allTaskOwners { name contacts { email } } }', {}, bearer(tokens.kbTasks));
    expect(contacts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports progress with the taskReports scope, audited as the token; only those two mutations pass', async () => {
    const id = await occurrenceOf('5.2', 2);
    const result = await t.gql(
      'mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename ... on MutationReportTaskProgressSuccess { data { text evidenceUrl status author byPortal occurrence { status } } } } }',
      {
        input: {
          occurrenceId: String(id),
          text: 'Сводная информация за август направлена',
          evidenceUrl: 'https://mintrud.kbr.ru/nok/2017-08',
          status: 'DONE',
        },
      },
      bearer(tokens.kbReports),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.reportTaskProgress.data).toEqual({
      text: 'Сводная информация за август направлена',
      evidenceUrl: 'https://mintrud.kbr.ru/nok/2017-08',
      status: 'DONE',
      author: 'Портал RU-KB: Портал Минтруда КБР',
      byPortal: true,
      occurrence: { status: 'DONE' },
    });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.report', subjectId: String(id) } });
    expect(audit.actorEmail).toBe('Портал RU-KB: Портал Минтруда КБР');
    expect(audit.actorId).toMatch(/^portal-token:\d+$/);

    const status = await t.gql(
      `mutation { setTaskStatus(input: { occurrenceId: "${await occurrenceOf('5.1')}", status: IN_PROGRESS }) { __typename ... on MutationSetTaskStatusSuccess { data { status } } } }`,
      {},
      bearer(tokens.kbReports),
    );
    expect(status.data.setTaskStatus.data.status).toBe('IN_PROGRESS');
    // Portals' writes are charged to the token's budget like its reads.
    const again = await t.gql(
      `mutation { setTaskStatus(input: { occurrenceId: "${await occurrenceOf('5.1')}", status: DONE }) { __typename } }`,
      {},
      bearer(tokens.kbReports),
    );
    expect(Number(again.headers.get('ratelimit-remaining'))).toBeLessThan(Number(status.headers.get('ratelimit-remaining')));

    // Any other mutation, alone or beside a report, is still refused to portals.
    const before = await fingerprint();
    const mixed = await t.gql(
      `mutation { reportTaskProgress(input: { occurrenceId: "${id}", text: "ещё" }) { __typename } addOwnerContact(input: { ownerId: "1", email: "a@kbr.ru" }) { __typename } }`,
      {},
      bearer(tokens.kbReports),
    );
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'Токен портала даёт доступ только на чтение: изменения не принимаются.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await fingerprint()).toEqual(before);
  });

  it('a token without the scope is refused: no tasks without tasks, no reports without taskReports', async () => {
    const before = await fingerprint();
    const read = await t.gql('{ allProtocols { id } }', {}, bearer(tokens.kbStatus));
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await t.gql(
      `mutation { reportTaskProgress(input: { occurrenceId: "${await occurrenceOf('3.4')}", text: "x" }) { __typename } }`,
      {},
      bearer(tokens.kbTasks),
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toEqual(before);
  });

  it('a token of another region sees nothing of the protocol and can report on none of it', async () => {
    const altai = bearer(tokens.altai);
    const occurrence = await occurrenceOf('3.4');
    const item = (await t.db.prisma.protocolItem.findFirstOrThrow({ where: { number: '3.4' } })).id;
    const owner = (await t.db.prisma.taskOwner.findFirstOrThrow()).id;
    const reads = await t.gql(
      `{ allProtocols { id } _allProtocolsMeta { count } Protocol(id: "${protocolId}") { id }
         allProtocolItems { id } ProtocolItem(id: "${item}") { id }
         allTaskOccurrences(filter: { ids: ["${occurrence}"] }) { id } _allTaskOccurrencesMeta { count } TaskOccurrence(id: "${occurrence}") { id }
         allTaskReports { id } _allTaskReportsMeta { count }
         allTaskOwners { id } TaskOwner(id: "${owner}") { id } }`,
      {},
      altai,
    );
    expect(reads.errors).toBeUndefined();
    expect(reads.data).toEqual({
      allProtocols: [],
      _allProtocolsMeta: { count: 0 },
      Protocol: null,
      allProtocolItems: [],
      ProtocolItem: null,
      allTaskOccurrences: [],
      _allTaskOccurrencesMeta: { count: 0 },
      TaskOccurrence: null,
      allTaskReports: [],
      _allTaskReportsMeta: { count: 0 },
      allTaskOwners: [],
      TaskOwner: null,
    });
    // Even asking for RU-KB by its id in a filter only narrows what the token may see.
    const kb = (await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-KB' } })).id;
    const aimed = await t.gql(`{ allTaskOccurrences(filter: { regionId: "${kb}" }) { id } }`, {}, altai);
    expect(aimed.data.allTaskOccurrences).toEqual([]);

    const before = await fingerprint();
    const report = await t.gql(
      `mutation { reportTaskProgress(input: { occurrenceId: "${occurrence}", text: "чужой отчёт", status: DONE }) { __typename ... on NotFoundError { message } } }`,
      {},
      altai,
    );
    expect(report.data.reportTaskProgress).toEqual({ __typename: 'NotFoundError', message: 'Срок задачи не найден: обновите страницу.' });
    const status = await t.gql(`mutation { setTaskStatus(input: { occurrenceId: "${occurrence}", status: DONE }) { __typename } }`, {}, altai);
    expect(status.data.setTaskStatus.__typename).toBe('NotFoundError');
    expect(await fingerprint()).toEqual(before);
  });
});

describe('owners and contacts', () => {
  it('a coordinator records a contact; the contact is listed with its owner’s due and overdue tasks', async () => {
    const owner = await t.db.prisma.taskOwner.findFirstOrThrow({ where: { name: { startsWith: 'Министерство труда' } } });
    const added = await t.gql(
      'mutation($input: AddOwnerContactInput!) { addOwnerContact(input: $input) { __typename ... on MutationAddOwnerContactSuccess { data { id email owner { name } } } } }',
      { input: { ownerId: String(owner.id), email: ' Mintrud@KBR.ru ', name: 'Приёмная' } },
      { cookie },
    );
    expect(added.data.addOwnerContact.data).toMatchObject({ email: 'mintrud@kbr.ru', owner: { name: owner.name } });
    const again = await t.gql(
      'mutation($input: AddOwnerContactInput!) { addOwnerContact(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }',
      { input: { ownerId: String(owner.id), email: 'mintrud@kbr.ru' } },
      { cookie },
    );
    expect(again.data.addOwnerContact.fieldErrors).toEqual([{ path: 'email', message: 'Адрес mintrud@kbr.ru уже записан для этого исполнителя.' }]);

    const due = await t.gql(
      '{ taskContactsDue(withinDays: 30) { email ownerName regionCode total overdueCount occurrences { itemNumber dueOn overdue } } }',
      {},
      { cookie },
    );
    expect(due.errors).toBeUndefined();
    expect(due.data.taskContactsDue).toHaveLength(1);
    const [contact] = due.data.taskContactsDue;
    expect(contact).toMatchObject({ email: 'mintrud@kbr.ru', ownerName: owner.name, regionCode: 'RU-KB' });
    expect(contact.occurrences).toHaveLength(Math.min(50, contact.total));
    expect(contact.occurrences[0]).toMatchObject({ dueOn: '2017-06-15', itemNumber: '2.2', overdue: true });
    expect(contact.overdueCount).toBeGreaterThan(200);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'taskOwner.contact.add' } })).toBe(1);

    const remove = `mutation($input: RemoveOwnerContactInput!) { removeOwnerContact(input: $input) {
      __typename ... on MutationRemoveOwnerContactSuccess { data { id email } } ... on NotFoundError { message } } }`;
    const removed = await t.gql(remove, { input: { id: added.data.addOwnerContact.data.id } }, { cookie });
    expect(removed.data.removeOwnerContact.data).toEqual({ id: added.data.addOwnerContact.data.id, email: 'mintrud@kbr.ru' });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'taskOwner.contact.remove' } })).toBe(1);
    const twice = await t.gql(remove, { input: { id: added.data.addOwnerContact.data.id } }, { cookie });
    expect(twice.data.removeOwnerContact).toEqual({ __typename: 'NotFoundError', message: 'Контакт не найден: обновите страницу.' });
    expect((await t.gql('{ taskContactsDue { email } }', {}, { cookie })).data.taskContactsDue).toEqual([]);
  });
});
