// Responses as coordinators read them (allResponses, _allResponsesMeta, ResponseRecord): answers
// grouped by section with question and option labels, measures with their type names; and
// reopenResponse, which returns a submitted questionnaire to its respondent.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { ActionRefusedError, NotFoundError } from '../services/errors.ts';
import {
  countResponses,
  listResponses,
  reopenResponse,
  responseRecord,
  type AnswerRecord,
  type MeasureRecord,
  type ResponseFilter,
  type ResponseRecord,
  type SectionRecord,
} from '../services/respondents.ts';
import { guarded, listArgs, ListMetadata, listOrder, metaArgs, paging, parseId } from './lists.ts';
import { ResponseStatus } from './response.ts';
import { answerInWordsFields, measureInWordsFields } from './responseContent.ts';

const AnswerRecordType = builder.objectRef<AnswerRecord>('AnswerRecord').implement({
  fields: (t) => answerInWordsFields(t),
});

const SectionRecordType = builder.objectRef<SectionRecord>('SectionRecord').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    percent: t.exposeInt('percent'),
    answers: t.field({ type: [AnswerRecordType], resolve: (section) => section.answers }),
    measureQuestionCodes: t.exposeStringList('measureQuestionCodes', {
      description: 'The codes of the questions of type measures in this section; their measures are in ResponseRecord.measures.',
    }),
  }),
});

const MeasureRecordType = builder.objectRef<MeasureRecord>('MeasureRecord').implement({
  fields: (t) => ({
    questionCode: t.exposeString('questionCode'),
    ...measureInWordsFields(t),
  }),
});

export const ResponseRecordType = builder.objectRef<ResponseRecord>('ResponseRecord').implement({
  description: "A respondent's questionnaire as coordinators read it.",
  fields: (t) => ({
    id: t.exposeID('id'),
    campaignCode: t.exposeString('campaignCode'),
    respondentId: t.exposeID('respondentId'),
    respondentEmail: t.exposeString('respondentEmail'),
    regionId: t.exposeID('regionId', { nullable: true }),
    regionName: t.exposeString('regionName', { nullable: true }),
    status: t.field({ type: ResponseStatus, resolve: (record) => record.status }),
    version: t.exposeInt('version'),
    completion: t.exposeInt('completion'),
    sectionCompletion: t.expose('sectionCompletion', { type: 'JSON' }),
    updatedAt: t.field({ type: 'DateTime', resolve: (record) => record.updatedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (record) => record.submittedAt }),
    sections: t.field({ type: [SectionRecordType], resolve: (record) => record.sections }),
    measures: t.field({ type: [MeasureRecordType], resolve: (record) => record.measures }),
  }),
});

const ResponseRecordFilter = builder.inputType('ResponseRecordFilter', {
  fields: (t) => ({
    campaignCode: t.string(),
    status: t.field({ type: ResponseStatus }),
    regionId: t.id(),
    q: t.string({ description: "Part of the respondent's e-mail address." }),
    ids: t.idList(),
  }),
});

const sortFields: Record<string, (order: 'asc' | 'desc') => object> = {
  updatedAt: (order) => ({ updatedAt: order }),
  completion: (order) => ({ completion: order }),
  submittedAt: (order) => ({ submittedAt: { sort: order, nulls: 'last' } }),
};

type FilterArg = {
  campaignCode?: string | null;
  status?: 'DRAFT' | 'SUBMITTED' | null;
  regionId?: string | number | null;
  q?: string | null;
  ids?: (string | number)[] | null;
};
const toFilter = (filter: FilterArg | null | undefined): ResponseFilter | null =>
  filter
    ? {
        ...filter,
        regionId: filter.regionId ? (parseId(filter.regionId, 'int', 'filter.regionId') as number) : null,
        ids: filter.ids?.map((id) => parseId(id, 'int', 'filter.ids') as number) ?? null,
      }
    : null;

builder.queryFields((t) => ({
  allResponses: t.field({
    type: [ResponseRecordType],
    authScopes: { coordinator: true },
    args: listArgs(t.arg, ResponseRecordFilter, sortFields),
    resolve: (_root, args, context) => {
      const orderBy = listOrder(sortFields, 'updatedAt')(args.sortField, args.sortOrder);
      return guarded(() => listResponses(context.prisma, toFilter(args.filter), paging(args), orderBy as never));
    },
  }),
  _allResponsesMeta: t.field({
    type: ListMetadata,
    authScopes: { coordinator: true },
    args: metaArgs(t.arg, ResponseRecordFilter),
    resolve: async (_root, args, context) => ({ count: await guarded(() => countResponses(context.prisma, toFilter(args.filter))) }),
  }),
  ResponseRecord: t.field({
    type: ResponseRecordType,
    nullable: true,
    authScopes: { coordinator: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => responseRecord(context.prisma, parseId(args.id) as number),
  }),
}));

const ReopenInput = builder.inputType('ReopenResponseInput', {
  fields: (t) => ({ responseId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField('reopenResponse', (t) =>
  t.field({
    type: ResponseRecordType,
    description: 'Returns a submitted questionnaire to its respondent as a draft; the reason is recorded.',
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError, ActionRefusedError] },
    args: { input: t.arg({ type: ReopenInput, required: true }) },
    resolve: (_root, { input }, context) =>
      reopenResponse(context.prisma, signedIn(context), { responseId: parseId(input.responseId) as number, reason: input.reason }),
  }),
);
