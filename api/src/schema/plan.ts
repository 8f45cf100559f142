import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { planTargetStatus, setPlanTargetActual } from '../services/plan.ts';
import { addListQueries, contains } from './lists.ts';

export const PlanLevel = builder.enumType('PlanLevel', {
  values: { FEDERAL: { description: 'Федеральный уровень' }, REGIONAL: { description: 'Региональный уровень' } },
});

builder.prismaObject('Plan', {
  description: 'A federal plan with target indicators and activities (e.g. Минтруд 2016–2018).',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    yearFrom: t.exposeInt('yearFrom'),
    yearTo: t.exposeInt('yearTo'),
    approvedBy: t.exposeString('approvedBy', { nullable: true }),
    indicators: t.relation('indicators', { query: { orderBy: { number: 'asc' } } }),
    activities: t.relation('activities', {
      description: 'Top-level activities; sub-items are under `items`.',
      query: { where: { parentId: null }, orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObject('PlanIndicator', {
  description: 'A target indicator with its base value and yearly targets.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    baseYear: t.exposeInt('baseYear'),
    baseValue: t.expose('baseValue', { type: 'Decimal' }),
    plan: t.relation('plan'),
    targets: t.relation('targets', { query: { orderBy: { year: 'asc' } } }),
  }),
});

export const PlanTargetStatus = builder.enumType('PlanTargetStatus', {
  description:
    'Whether the actual value reaches the target. Every indicator of the plan counts something where more is better, so a value target is met at or above the value and a range target (e.g. 45–50 %) at or above its lower bound; above the range still counts as met.',
  values: {
    NO_DATA: { description: 'No actual value entered yet.' },
    MET: { description: 'The actual value reaches the target (for a range: at least its lower bound).' },
    NOT_MET: { description: 'The actual value is below the target (for a range: below its lower bound).' },
  },
});

builder.prismaObject('PlanTarget', {
  description: 'The target for a year: a value (targetMin = targetMax) or a range, beside the actual value once entered.',
  fields: (t) => ({
    id: t.exposeID('id'),
    year: t.exposeInt('year'),
    targetMin: t.expose('targetMin', { type: 'Decimal' }),
    targetMax: t.expose('targetMax', { type: 'Decimal' }),
    isRange: t.boolean({ resolve: (target) => !target.targetMin.equals(target.targetMax) }),
    actual: t.expose('actual', { type: 'Decimal', nullable: true }),
    status: t.field({
      type: PlanTargetStatus,
      description:
        'MET when the actual value is at least the target value or, for a range, at least its lower bound (more is better for every indicator of the plan); NO_DATA until an actual value is entered.',
      resolve: (target) => planTargetStatus(target),
    }),
    indicator: t.relation('indicator'),
  }),
});

builder.prismaObject('PlanActivity', {
  description: 'An activity of a plan (sub-items such as 1.1 under `items`).',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    position: t.exposeInt('position'),
    title: t.exposeString('title'),
    form: t.exposeString('form', { nullable: true, description: 'Form of implementation.' }),
    schedule: t.exposeString('schedule', { nullable: true }),
    owners: t.exposeStringList('owners'),
    level: t.expose('level', { type: PlanLevel }),
    numberPrinted: t.exposeBoolean('numberPrinted', {
      description: 'False when the document prints no number for this row and the importer numbered it by order ("1.6а").',
    }),
    ownersInherited: t.exposeBoolean('ownersInherited', {
      description: "True when the row's owners cell is empty (merged with the parent's) and the parent's owners were taken.",
    }),
    plan: t.relation('plan'),
    parent: t.relation('parent', { nullable: true }),
    items: t.relation('items', { query: { orderBy: { position: 'asc' } } }),
  }),
});

const PlanFilter = builder.inputType('PlanFilter', { fields: (t) => ({ ids: t.idList() }) });
addListQueries({
  type: 'Plan',
  plural: 'Plans',
  filter: PlanFilter,
  scope: 'public',
  sortFields: { yearFrom: (order) => ({ yearFrom: order }), code: (order) => ({ code: order }) },
  defaultSort: 'yearFrom',
  delegate: (context) => context.prisma.plan,
  toWhere: (filter) => (filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
});

const PlanIndicatorFilter = builder.inputType('PlanIndicatorFilter', { fields: (t) => ({ planId: t.id(), ids: t.idList() }) });
addListQueries({
  type: 'PlanIndicator',
  plural: 'PlanIndicators',
  filter: PlanIndicatorFilter,
  scope: 'public',
  sortFields: { number: (order) => ({ number: order }) },
  defaultSort: 'number',
  delegate: (context) => context.prisma.planIndicator,
  toWhere: (filter) => ({
    ...(filter?.planId ? { planId: Number(filter.planId) } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
  }),
});

const PlanActivityFilter = builder.inputType('PlanActivityFilter', {
  fields: (t) => ({
    planId: t.id(),
    level: t.field({ type: PlanLevel }),
    topLevelOnly: t.boolean({ description: 'Only activities, not their sub-items.' }),
    q: t.string(),
    ids: t.idList(),
  }),
});
addListQueries({
  type: 'PlanActivity',
  plural: 'PlanActivities',
  filter: PlanActivityFilter,
  scope: 'public',
  sortFields: { position: (order) => ({ position: order }), number: (order) => ({ number: order }) },
  defaultSort: 'position',
  delegate: (context) => context.prisma.planActivity,
  toWhere: (filter) => ({
    ...(filter?.planId ? { planId: Number(filter.planId) } : {}),
    ...(filter?.level ? { level: filter.level } : {}),
    ...(filter?.topLevelOnly ? { parentId: null } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
    ...(contains(filter?.q) ? { title: contains(filter?.q) } : {}),
  }),
});

// ---------------------------------------------------------------------------
// Actual values (coordinators): each change is recorded in the audit log.

const SetActualInput = builder.inputType('SetPlanTargetActualInput', {
  fields: (t) => ({
    targetId: t.id({ required: true }),
    actual: t.field({
      type: 'Decimal',
      description:
        'The actual value for the year with a dot as the decimal separator (≥ 0, at most 2 decimals, at most 100 for «%»); null clears it.',
    }),
    reason: t.string({ description: 'Why, for the audit log.' }),
  }),
});

builder.mutationField('setPlanTargetActual', (t) =>
  t.prismaField({
    type: 'PlanTarget',
    description: 'Enters, corrects or (with actual: null) clears the actual value of a yearly plan target.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetActualInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const target = await setPlanTargetActual(
        context.prisma,
        signedIn(context),
        // An id that is not a number cannot name a target: the service reports it as not found.
        { targetId: Number(input.targetId), actual: input.actual, reason: input.reason },
      );
      return context.prisma.planTarget.findUniqueOrThrow({ ...query, where: { id: target.id } });
    },
  }),
);
