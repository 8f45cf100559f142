import { builder } from '../builder.ts';
import { addListQueries, contains } from './lists.ts';

builder.prismaObject('AuditLog', {
  description: "A coordinator's action: who, when, what, before → after.",
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    actorEmail: t.exposeString('actorEmail', { nullable: true }),
    action: t.exposeString('action'),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    subjectType: t.string(),
    subjectId: t.string(),
    action: t.string(),
    actor: t.string({ description: "Part of the coordinator's e-mail (case-insensitive)." }),
    from: t.field({ type: 'DateTime', description: 'Actions at or after this moment.' }),
    to: t.field({ type: 'DateTime', description: 'Actions before this moment.' }),
    ids: t.idList(),
  }),
});

addListQueries({
  type: 'AuditLog',
  plural: 'AuditLogs',
  filter: AuditLogFilter,
  scope: 'coordinator',
  sortFields: { at: (order) => ({ at: order }), action: (order) => ({ action: order }) },
  defaultSort: 'at',
  delegate: (context) => context.prisma.auditLog,
  toWhere: (filter) => ({
    ...(filter?.subjectType ? { subjectType: filter.subjectType } : {}),
    ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter?.action ? { action: filter.action } : {}),
    ...(contains(filter?.actor) ? { actorEmail: contains(filter?.actor) } : {}),
    ...(filter?.from || filter?.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
  }),
});
