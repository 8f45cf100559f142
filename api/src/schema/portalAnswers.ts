// PortalRegion's answers and officials (issue 11, point 2): with the `answers` scope, the region's
// submitted questionnaires (answers in words, measures; no person), with `personal` the officials who
// sent them. Both are cursor lists (schema/cursor.ts) under portalRegion, whose region is the token's.
import { builder } from '../builder.ts';
import {
  type PortalMeasure,
  type PortalOfficial,
  type PortalResponse,
  countPortalResponses,
  portalOfficials,
  portalResponses,
} from '../services/portalAnswers.ts';
import { connectionOf, DEFAULT_FIRST, decodeCursor, MAX_FIRST, PageInfo, pageSizeOf } from './cursor.ts';
import { parseId } from './lists.ts';
import { PortalRegion } from './portal.ts';

type Page<T> = { nodes: T[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

const PortalAnswerType = builder.objectRef<PortalResponse['sections'][number]['answers'][number]>('PortalAnswer').implement({
  fields: (t) => ({
    questionCode: t.exposeString('questionCode'),
    number: t.exposeString('number', { nullable: true }),
    label: t.exposeString('label'),
    value: t.expose('value', { type: 'JSON', description: 'As stored (option codes).' }),
    text: t.exposeString('text', { description: 'As people read it: option labels, region names; several joined with «; ».' }),
  }),
});

const PortalSectionAnswers = builder.objectRef<PortalResponse['sections'][number]>('PortalSectionAnswers').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    answers: t.field({ type: [PortalAnswerType], resolve: (section) => section.answers }),
  }),
});

const PortalMeasureType = builder.objectRef<PortalMeasure>('PortalMeasure').implement({
  fields: (t) => ({
    position: t.exposeInt('position'),
    typeCode: t.exposeString('typeCode', { nullable: true }),
    typeName: t.exposeString('typeName', { nullable: true }),
    groupName: t.exposeString('groupName', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    result: t.exposeString('result', { nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
  }),
});

const PortalResponseType = builder.objectRef<PortalResponse>('PortalResponse').implement({
  description: "A submitted questionnaire of the portal's region: its authority, answers and measures, never the person (name, position, e-mail).",
  fields: (t) => ({
    id: t.exposeID('id'),
    campaignCode: t.exposeString('campaignCode'),
    authorityName: t.exposeString('authorityName', { nullable: true }),
    authoritySphere: t.exposeString('authoritySphere', { nullable: true }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.submittedAt }),
    completion: t.exposeInt('completion'),
    sections: t.field({ type: [PortalSectionAnswers], resolve: (row) => row.sections }),
    measures: t.field({ type: [PortalMeasureType], resolve: (row) => row.measures }),
  }),
});

const PortalOfficialType = builder.objectRef<PortalOfficial>('PortalOfficial').implement({
  description: "An official of the portal's region who sent a questionnaire: personal data (the personal scope).",
  fields: (t) => ({
    responseId: t.exposeID('id'),
    campaignCode: t.exposeString('campaignCode'),
    name: t.exposeString('name', { nullable: true, description: 'As answered (respondent_name).' }),
    position: t.exposeString('position', { nullable: true, description: 'As answered (respondent_position).' }),
    email: t.exposeString('email'),
    authorityName: t.exposeString('authorityName', { nullable: true }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.submittedAt }),
  }),
});

const PortalResponseConnection = builder.objectRef<Page<PortalResponse>>('PortalResponseConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [PortalResponseType], resolve: (page) => page.nodes }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
    totalCount: t.exposeInt('totalCount'),
  }),
});

const PortalOfficialConnection = builder.objectRef<Page<PortalOfficial>>('PortalOfficialConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [PortalOfficialType], resolve: (page) => page.nodes }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
    totalCount: t.exposeInt('totalCount'),
  }),
});

const PortalAnswersFilter = builder.inputType('PortalAnswersFilter', {
  fields: (t) => ({
    campaignCode: t.string(),
    authorityId: t.id({ description: "One of the region's authorities (Authority.id)." }),
  }),
});

const pageArgs = (t: Parameters<Parameters<typeof builder.objectFields>[1]>[0]) => ({
  first: t.arg.int({ defaultValue: DEFAULT_FIRST }),
  after: t.arg.string({ description: "The previous page's pageInfo.endCursor (opaque)." }),
  filter: t.arg({ type: PortalAnswersFilter }),
});

const filterOf = (filter: { campaignCode?: string | null; authorityId?: string | number | null } | null | undefined) => ({
  campaignCode: filter?.campaignCode ?? null,
  authorityId: filter?.authorityId != null ? (parseId(filter.authorityId, 'int', 'filter.authorityId') as number) : null,
});

builder.objectFields(PortalRegion, (t) => ({
  responses: t.field({
    type: PortalResponseConnection,
    description: `The answers scope: the region's submitted questionnaires (per campaign, per authority), by id, \`first\` 1–${MAX_FIRST}. Without the person: no name, position or e-mail.`,
    authScopes: { portalWith: 'answers' },
    args: pageArgs(t),
    resolve: async (portal, args, context) => {
      const size = pageSizeOf(args.first);
      const afterId = decodeCursor('response', args.after);
      const filter = filterOf(args.filter);
      const [rows, total] = await Promise.all([
        portalResponses(context.prisma, portal.regionId, filter, { afterId, take: size + 1 }),
        countPortalResponses(context.prisma, portal.regionId, filter),
      ]);
      return connectionOf('response', rows, size, total);
    },
  }),
  officials: t.field({
    type: PortalOfficialConnection,
    description: `The personal scope: the officials of the region who sent its questionnaires (name, position, e-mail, authority), \`first\` 1–${MAX_FIRST}.`,
    authScopes: { portalWith: 'personal' },
    args: pageArgs(t),
    resolve: async (portal, args, context) => {
      const size = pageSizeOf(args.first);
      const afterId = decodeCursor('official', args.after);
      const filter = filterOf(args.filter);
      const [rows, total] = await Promise.all([
        portalOfficials(context.prisma, portal.regionId, filter, { afterId, take: size + 1 }),
        countPortalResponses(context.prisma, portal.regionId, filter),
      ]);
      return connectionOf('official', rows, size, total);
    },
  }),
}));
