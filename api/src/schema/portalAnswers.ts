// PortalRegion's answers and officials (issue 11, point 2): with the `answers` scope, the region's
// submitted questionnaires (answers in words, measures; no person), with `personal` the officials who
// sent them. Both are cursor lists (schema/cursor.ts) under portalRegion, whose region is the token's.
import { builder } from '../builder.ts';
import type { Db } from '../db/client.ts';
import {
  type PortalAnswersFilter as PortalAnswersFilterShape,
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
import { answerInWordsFields, measureInWordsFields } from './responseContent.ts';

type Page<T> = { nodes: T[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

const PortalAnswerType = builder.objectRef<PortalResponse['sections'][number]['answers'][number]>('PortalAnswer').implement({
  fields: (t) => answerInWordsFields(t),
});

const PortalSectionAnswers = builder.objectRef<PortalResponse['sections'][number]>('PortalSectionAnswers').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    answers: t.field({ type: [PortalAnswerType], resolve: (section) => section.answers }),
  }),
});

const PortalMeasureType = builder.objectRef<PortalMeasure>('PortalMeasure').implement({
  fields: (t) => measureInWordsFields(t),
});

const PortalResponseType = builder.objectRef<PortalResponse>('PortalResponse').implement({
  description:
    "A submitted questionnaire of the portal's region: its authority, answers and measures, never the person (e-mail, and the questions its definition marks personal: name, position, contacts).",
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

type RegionPageArgs = { first?: number | null; after?: string | null; filter?: Parameters<typeof filterOf>[0] };

/**
 * A cursor page (`list` names the cursor's list) of what `load` reads of the region's submitted
 * questionnaires, with the count of them all: the same questionnaires, whatever is read of them.
 */
async function regionPage<Row extends { id: number }>(
  list: 'response' | 'official',
  regionId: number,
  args: RegionPageArgs,
  prisma: Db,
  load: (prisma: Db, regionId: number, filter: PortalAnswersFilterShape, page: { afterId: number | null; take: number }) => Promise<Row[]>,
) {
  const size = pageSizeOf(args.first);
  const afterId = decodeCursor(list, args.after);
  const filter = filterOf(args.filter);
  const [rows, total] = await Promise.all([
    load(prisma, regionId, filter, { afterId, take: size + 1 }),
    countPortalResponses(prisma, regionId, filter),
  ]);
  return connectionOf(list, rows, size, total);
}

builder.objectFields(PortalRegion, (t) => ({
  responses: t.field({
    type: PortalResponseConnection,
    description: `The answers scope: the region's submitted questionnaires (per campaign, per authority), by id, \`first\` 1–${MAX_FIRST}. Without the person: no e-mail, and no question the campaign's definition marks personal (name, position, contacts).`,
    authScopes: { portalWith: 'answers' },
    args: pageArgs(t),
    resolve: (portal, args, context) => regionPage('response', portal.regionId, args, context.prisma, portalResponses),
  }),
  officials: t.field({
    type: PortalOfficialConnection,
    description: `The personal scope: the officials of the region who sent its questionnaires (name, position, e-mail, authority), \`first\` 1–${MAX_FIRST}.`,
    authScopes: { portalWith: 'personal' },
    args: pageArgs(t),
    resolve: (portal, args, context) => regionPage('official', portal.regionId, args, context.prisma, portalOfficials),
  }),
}));
