// Reminders of protocol tasks' deadlines to the contacts recorded for each owner (issue 12, point 4):
// the preview (every mail as its contact will read it) and sending through the outbox, audited.
// Coordinators only.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { ActionRefusedError, ValidationError } from '../services/errors.ts';
import {
  sendTaskReminders,
  type TaskReminderInput as ServiceInput,
  type TaskReminderMail,
  type TaskReminderPreview,
  taskReminderPreview,
} from '../services/taskReminders.ts';
import { idOf } from './taskAccess.ts';

const TaskReminderInput = builder.inputType('TaskReminderInput', {
  fields: (t) => ({
    regionId: t.id({ description: "Only owners of this region's protocols." }),
    withinDays: t.int({ description: 'Upcoming: due from today through today + N days (0–90, default 30); the overdue are always included.' }),
    contactIds: t.idList({ description: 'Only these contacts (at most 500).' }),
  }),
});

const TaskReminderMailType = builder.objectRef<TaskReminderMail>('TaskReminderMail').implement({
  description: 'One contact’s reminder, exactly as it will be sent.',
  fields: (t) => ({
    contactId: t.exposeID('contactId'),
    to: t.exposeString('to'),
    name: t.exposeString('name', { nullable: true }),
    ownerId: t.exposeID('ownerId'),
    ownerName: t.exposeString('ownerName'),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    overdueCount: t.exposeInt('overdueCount', { description: 'Items with a passed date not done.' }),
    upcomingCount: t.exposeInt('upcomingCount', { description: 'Items with a date coming (within the days asked) and none passed.' }),
    subject: t.exposeString('subject'),
    text: t.exposeString('text'),
  }),
});

const TaskReminderPreviewType = builder.objectRef<TaskReminderPreview>('TaskReminderPreview').implement({
  fields: (t) => ({
    withinDays: t.exposeInt('withinDays'),
    mails: t.field({ type: [TaskReminderMailType], description: 'At most 500, by region, owner and address.', resolve: (preview) => preview.mails }),
  }),
});

const TaskRemindersQueued = builder.objectRef<{ queued: number; mails: TaskReminderMail[] }>('TaskRemindersQueued').implement({
  fields: (t) => ({
    queued: t.exposeInt('queued'),
    mails: t.field({ type: [TaskReminderMailType], description: 'What was queued.', resolve: (result) => result.mails }),
  }),
});

const serviceInput = (input: {
  regionId?: string | number | null;
  withinDays?: number | null;
  contactIds?: (string | number)[] | null;
}): ServiceInput => ({
  regionId: idOf(input.regionId, 'input.regionId'),
  withinDays: input.withinDays ?? null,
  contactIds: input.contactIds ? input.contactIds.map((id) => idOf(id, 'input.contactIds')!) : null,
});

builder.queryField('taskReminderPreview', (t) =>
  t.field({
    type: TaskReminderPreviewType,
    description:
      "Every reminder sendTaskReminders would queue now: one per recorded contact whose owner has tasks overdue or due soon (the database's date).",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: TaskReminderInput, required: true }) },
    resolve: (_root, { input }, context) => taskReminderPreview(context.prisma, serviceInput(input)),
  }),
);

builder.mutationField('sendTaskReminders', (t) =>
  t.field({
    type: TaskRemindersQueued,
    description: 'Queues the previewed reminders in the outbox (the rendered text is what is sent); audited as taskReminders.send.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, ActionRefusedError] },
    args: { input: t.arg({ type: TaskReminderInput, required: true }) },
    resolve: (_root, { input }, context) => sendTaskReminders(context.prisma, signedIn(context), serviceInput(input)),
  }),
);
