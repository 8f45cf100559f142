// Measures (2021 questionnaire, section 3) for coordinators: allMeasures / _allMeasuresMeta /
// Measure(id) with the questionnaire they come from, and measureSummary — counts by type group,
// type and region, made by the database.
import type { ObjectRef } from '@pothos/core';
import { getRefFromModel } from '@pothos/plugin-prisma';
import { builder, type SchemaTypes } from '../builder.ts';
import type { Authority, Region } from '../generated/prisma/client.ts';
import { NotFoundError } from '../services/errors.ts';
import { measureSummary, measureWhere, type GroupCount, type MeasureSummary, type RegionCount, type TypeCount } from '../services/measures.ts';
import { addListQueries, parseId } from './lists.ts';
import { ResponseStatus } from './response.ts';

// The refs region.ts and authority.ts implement (the prisma plugin keeps one ref per model).
const RegionRef = getRefFromModel('Region', builder, 'object') as unknown as ObjectRef<SchemaTypes, Region>;
const AuthorityRef = getRefFromModel('Authority', builder, 'object') as unknown as ObjectRef<SchemaTypes, Authority>;

builder.prismaObject('Measure', {
  description: 'A measure a respondent listed as taken after НОК, with the questionnaire it belongs to.',
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position', { description: 'Order within the questionnaire, from 0.' }),
    questionCode: t.exposeString('questionCode'),
    title: t.exposeString('title', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    result: t.exposeString('result', { nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    type: t.relation('type', { nullable: true }),
    responseId: t.exposeID('responseId'),
    campaignCode: t.string({
      select: { response: { select: { campaign: { select: { code: true } } } } },
      resolve: (measure) => measure.response.campaign.code,
    }),
    respondentEmail: t.string({
      select: { response: { select: { respondent: { select: { email: true } } } } },
      resolve: (measure) => measure.response.respondent.email,
    }),
    responseStatus: t.field({
      type: ResponseStatus,
      select: { response: { select: { status: true } } },
      resolve: (measure) => measure.response.status,
    }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      select: (_args, _context, nestedSelection) => ({ response: { select: { region: nestedSelection() } } }),
      resolve: (measure) => measure.response.region,
    }),
    authority: t.field({
      type: AuthorityRef,
      nullable: true,
      select: (_args, _context, nestedSelection) => ({ response: { select: { authority: nestedSelection() } } }),
      resolve: (measure) => measure.response.authority,
    }),
  }),
});

const MeasureFilter = builder.inputType('MeasureFilter', {
  fields: (t) => ({
    campaignCode: t.string(),
    groupId: t.id({ description: 'A MeasureTypeGroup.' }),
    typeId: t.id({ description: 'A MeasureType.' }),
    regionId: t.id(),
    authorityId: t.id(),
    submittedOnly: t.boolean({ description: 'Only measures of sent questionnaires (the ones analysis counts).' }),
    q: t.string({ description: 'Words that must all occur in the title or the description.' }),
    ids: t.idList(),
  }),
});

const id = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : (parseId(value) as number));

addListQueries({
  type: 'Measure',
  plural: 'Measures',
  filter: MeasureFilter,
  scope: 'coordinator',
  sortFields: {
    region: (order) => ({ response: { region: { position: order } } }),
    type: (order) => ({ type: { position: order } }),
    year: (order) => ({ year: { sort: order, nulls: 'last' } }),
    updatedAt: (order) => ({ updatedAt: order }),
  },
  defaultSort: 'region',
  delegate: (context) => context.prisma.measure,
  toWhere: (filter) =>
    measureWhere(
      filter && {
        ...filter,
        groupId: id(filter.groupId),
        typeId: id(filter.typeId),
        regionId: id(filter.regionId),
        authorityId: id(filter.authorityId),
        ids: filter.ids?.map((value) => parseId(value) as number) ?? null,
      },
    ),
});

const MeasureTypeCount = builder.objectRef<TypeCount>('MeasureTypeCount').implement({
  fields: (t) => ({
    typeId: t.exposeID('typeId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Of all measures counted, 0–1.' }),
  }),
});

const MeasureGroupCount = builder.objectRef<GroupCount>('MeasureGroupCount').implement({
  fields: (t) => ({
    groupId: t.exposeID('groupId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Of all measures counted, 0–1.' }),
    types: t.field({ type: [MeasureTypeCount], resolve: (group) => group.types }),
  }),
});

const MeasureRegionCount = builder.objectRef<RegionCount>('MeasureRegionCount').implement({
  fields: (t) => ({
    regionId: t.exposeID('regionId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Of all measures counted, 0–1.' }),
    authorities: t.exposeInt('authorities', { description: 'Distinct authorities whose questionnaires list these measures.' }),
    responses: t.exposeInt('responses', { description: 'Questionnaires listing these measures.' }),
  }),
});

const MeasureSummaryType = builder.objectRef<MeasureSummary>('MeasureSummary').implement({
  description: 'Measures of a campaign by type group, type (every type, zeros included) and region.',
  fields: (t) => ({
    campaignCode: t.exposeString('campaignCode'),
    submittedOnly: t.exposeBoolean('submittedOnly'),
    total: t.exposeInt('total'),
    untyped: t.exposeInt('untyped', { description: 'Measures saved without a type yet (in drafts).' }),
    groups: t.field({ type: [MeasureGroupCount], resolve: (summary) => summary.groups }),
    regions: t.field({
      type: [MeasureRegionCount],
      description: 'Regions that reported measures, most first.',
      resolve: (summary) => summary.regions,
    }),
  }),
});

builder.queryField('measureSummary', (t) =>
  t.field({
    type: MeasureSummaryType,
    description: 'Counts of the measures of a campaign; by default only sent questionnaires count.',
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError] },
    args: { campaignCode: t.arg.string({ required: true }), submittedOnly: t.arg.boolean({ defaultValue: true }) },
    resolve: (_root, args, context) => measureSummary(context.prisma, args.campaignCode, args.submittedOnly ?? true),
  }),
);
