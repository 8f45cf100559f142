// Reminders (preview and send) and the outbox as coordinators see it: what was sent to whom and when.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { ActionRefusedError, NotFoundError, ValidationError, WindowClosedError } from '../services/errors.ts';
import { reminderPreview, sendReminders, type ReminderPreview } from '../services/reminders.ts';
import { addListQueries, contains } from './lists.ts';

const ReminderAudience = builder.enumType('ReminderAudience', {
  values: {
    NOT_STARTED: { description: 'Registered for the campaign, nothing saved yet.' },
    IN_PROGRESS_BELOW_100: { description: 'A draft below 100%.' },
    RETURNED: { description: 'Returned for rework by a coordinator and not sent again (at any completion).' },
  },
});

const ReminderInput = builder.inputType('ReminderInput', {
  description: 'One group (audience) or several (audiences); a person in two groups gets one mail.',
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    audience: t.field({ type: ReminderAudience }),
    audiences: t.field({ type: [ReminderAudience] }),
  }),
});

const ReminderGroup = builder.objectRef<{ audience: string; recipients: number }>('ReminderGroup').implement({
  fields: (t) => ({
    audience: t.field({ type: ReminderAudience, resolve: (group) => group.audience as 'NOT_STARTED' }),
    recipients: t.exposeInt('recipients'),
  }),
});

const ReminderPreviewType = builder.objectRef<ReminderPreview>('ReminderPreview').implement({
  fields: (t) => ({
    recipients: t.exposeInt('recipients', { description: 'People who get a mail: each once, whatever groups they are in.' }),
    groups: t.field({ type: [ReminderGroup], resolve: (preview) => preview.groups }),
    sample: t.exposeStringList('sample', { description: 'A few of the addresses, alphabetically.' }),
    subject: t.exposeString('subject'),
    text: t.exposeString('text', { description: 'The mail as it will read; each person gets their own link.' }),
  }),
});

const RemindersQueued = builder.objectRef<{ queued: number }>('RemindersQueued').implement({
  fields: (t) => ({ queued: t.exposeInt('queued') }),
});

const siteHost = () => new URL(process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 4000}`).host;

builder.queryField('reminderPreview', (t) =>
  t.field({
    type: ReminderPreviewType,
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: ReminderInput, required: true }) },
    resolve: (_root, { input }, context) => reminderPreview(context.prisma, input, siteHost()),
  }),
);

builder.mutationField('sendReminders', (t) =>
  t.field({
    type: RemindersQueued,
    description: 'Queues one reminder per recipient (each with a fresh personal link when it leaves); recorded in the audit log.',
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError, WindowClosedError, ActionRefusedError, ValidationError] },
    args: { input: t.arg({ type: ReminderInput, required: true }) },
    resolve: (_root, { input }, context) => sendReminders(context.prisma, signedIn(context), input),
  }),
);

const MailStatus = builder.enumType('MailStatus', {
  values: {
    PENDING: { description: 'Waiting to be sent (or to be retried).' },
    SENT: { description: 'Accepted by the mail server.' },
    FAILED: { description: 'Given up after the last attempt.' },
  },
});

builder.prismaObject('OutboxMail', {
  description: 'A mail the system sent or will send. Holds no secret: links are made when a mail leaves.',
  fields: (t) => ({
    id: t.exposeID('id'),
    to: t.exposeString('to'),
    template: t.exposeString('template'),
    subject: t.exposeString('subject', { nullable: true }),
    status: t.expose('status', { type: MailStatus }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    campaignId: t.id({
      nullable: true,
      description: 'The campaign the mail is about (a personal link, a reminder, a returned questionnaire); none for other mails.',
      resolve: (mail) => {
        const campaignId = (mail.data as { campaignId?: unknown } | null)?.campaignId;
        return typeof campaignId === 'number' ? campaignId : null;
      },
    }),
  }),
});

const OutboxMailFilter = builder.inputType('OutboxMailFilter', {
  fields: (t) => ({
    q: t.string({ description: 'Part of the address.' }),
    template: t.string(),
    status: t.field({ type: MailStatus }),
    campaignId: t.id({ description: 'Only the mails about this campaign.' }),
    ids: t.idList(),
  }),
});

addListQueries({
  type: 'OutboxMail',
  plural: 'OutboxMails',
  filter: OutboxMailFilter,
  scope: 'coordinator',
  idKind: 'string',
  sortFields: {
    createdAt: (order) => ({ createdAt: order }),
    sentAt: (order) => ({ sentAt: { sort: order, nulls: 'last' } }),
    to: (order) => ({ to: order }),
  },
  defaultSort: 'createdAt',
  delegate: (context) => context.prisma.outboxMail,
  toWhere: (filter) => ({
    ...(contains(filter?.q) ? { to: contains(filter?.q) } : {}),
    ...(filter?.template ? { template: filter.template } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.campaignId ? { data: { path: ['campaignId'], equals: Number(filter.campaignId) } } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(String) } } : {}),
  }),
});
