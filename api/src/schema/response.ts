// The respondent's own questionnaire: read it, save a section, submit it. The respondent is always
// the session's user; there is no argument that could name another person's response.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { myResponse, saveSection, submitResponse, type ResponseState } from '../services/responses.ts';
import type { Completion, SectionCompletion } from '../survey/engine.ts';
import { fieldError, IncompleteError, ValidationError } from '../services/errors.ts';
import { respondentWriteErrors } from './errors.ts';

export const ResponseStatus = builder.enumType('ResponseStatus', {
  values: {
    DRAFT: { description: 'Being filled in.' },
    SUBMITTED: { description: 'Sent; read-only.' },
  },
});

const SectionCompletionType = builder.objectRef<SectionCompletion>('SectionCompletion').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    percent: t.exposeInt('percent'),
    requiredItems: t.exposeInt('requiredItems'),
    answeredItems: t.exposeInt('answeredItems'),
    unlocked: t.exposeBoolean('unlocked'),
    complete: t.exposeBoolean('complete'),
    missing: t.exposeStringList('missing', { description: 'Codes of required questions not answered yet.' }),
  }),
});

const CompletionType = builder.objectRef<Completion>('Completion').implement({
  description: 'Overall = answered required items ÷ all required items; a required repeatable group counts as one item.',
  fields: (t) => ({
    percent: t.exposeInt('percent'),
    requiredItems: t.exposeInt('requiredItems'),
    answeredItems: t.exposeInt('answeredItems'),
    complete: t.exposeBoolean('complete', { description: 'Everything required is answered: the questionnaire can be submitted.' }),
    sections: t.field({ type: [SectionCompletionType], resolve: (completion) => completion.sections }),
  }),
});

const AnswerEntry = builder.objectRef<{ questionCode: string; value: unknown }>('AnswerEntry').implement({
  fields: (t) => ({
    questionCode: t.exposeString('questionCode'),
    value: t.expose('value', { type: 'JSON' }),
  }),
});

const ReturnedForRework = builder.objectRef<{ at: Date; reason: string }>('ReturnedForRework').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (returned) => returned.at }),
    reason: t.exposeString('reason'),
  }),
});

export const MyResponse = builder.objectRef<ResponseState>('MyResponse').implement({
  description: "The signed-in respondent's questionnaire in one campaign.",
  fields: (t) => ({
    id: t.id({ resolve: (state) => state.response.id }),
    campaignCode: t.string({ resolve: (state) => state.campaign.code }),
    status: t.field({ type: ResponseStatus, resolve: (state) => state.response.status }),
    version: t.int({
      description: 'Pass it back with the next save: a save from an outdated form is refused.',
      resolve: (state) => state.response.version,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (state) => state.response.updatedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (state) => state.response.submittedAt }),
    returnedForRework: t.field({
      type: ReturnedForRework,
      nullable: true,
      description: 'While a coordinator has returned it for rework and it is not sent again: when and why.',
      resolve: (state) =>
        state.response.status === 'DRAFT' && state.response.returnedAt
          ? { at: state.response.returnedAt, reason: state.response.returnReason ?? '' }
          : null,
    }),
    completion: t.field({ type: CompletionType, resolve: (state) => state.completion }),
    answers: t.field({
      type: [AnswerEntry],
      args: { sectionCode: t.arg.string() },
      resolve: (state, args) => {
        const section = args.sectionCode ? state.definition.sections.find((candidate) => candidate.code === args.sectionCode) : null;
        const codes = section ? section.questions.map((question) => question.code) : Object.keys(state.answers);
        return codes.filter((code) => code in state.answers).map((code) => ({ questionCode: code, value: state.answers[code] }));
      },
    }),
  }),
});

builder.queryField('myResponse', (t) =>
  t.field({
    type: MyResponse,
    nullable: true,
    description: 'Your questionnaire in a campaign; null until you save a first section.',
    authScopes: { respondent: true },
    args: { campaignCode: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => myResponse(context.prisma, signedIn(context).id, args.campaignCode),
  }),
);

const SaveSectionInput = builder.inputType('SaveSectionInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    sectionCode: t.string({ required: true }),
    version: t.int({ required: true, description: 'The version your form was loaded with (0 before the first save).' }),
    answers: t.field({
      type: 'JSON',
      required: true,
      description: 'Question code → value, for every question of the section (null or absent clears it).',
    }),
  }),
});

builder.mutationField('saveSection', (t) =>
  t.field({
    type: MyResponse,
    description: 'Validates and stores one section atomically; on any error nothing is stored.',
    authScopes: { respondent: true },
    errors: { types: respondentWriteErrors },
    args: { input: t.arg({ type: SaveSectionInput, required: true }) },
    resolve: (_root, { input }, context) => {
      const answers = input.answers;
      if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
        throw new ValidationError([fieldError('answers', 'WRONG_TYPE', 'Ответы передаются объектом «код вопроса → значение».')]);
      }
      return saveSection(context.prisma, signedIn(context).id, { ...input, answers: answers as Record<string, unknown> });
    },
  }),
);

const SubmitResponseInput = builder.inputType('SubmitResponseInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    version: t.int({ required: true }),
    confirm: t.boolean({ required: true, description: '«Завершить заполнение анкеты?» is ticked.' }),
  }),
});

builder.mutationField('submitResponse', (t) =>
  t.field({
    type: MyResponse,
    description: 'Sends a complete questionnaire; afterwards it is read-only. Repeating it changes nothing.',
    authScopes: { respondent: true },
    errors: { types: [...respondentWriteErrors, IncompleteError] },
    args: { input: t.arg({ type: SubmitResponseInput, required: true }) },
    resolve: (_root, { input }, context) => submitResponse(context.prisma, signedIn(context).id, input),
  }),
);
