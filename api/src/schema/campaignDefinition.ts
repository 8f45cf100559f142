// Campaign questionnaires in the console: preview and import a definition document, download the
// stored one, and edit the options and help text of a question of a draft (coordinators only).
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import {
  campaignDefinitionDocument,
  importCampaignDefinition,
  previewDefinitionImport,
  type DefinitionImportPlan,
  type DefinitionImportResult,
} from '../services/campaignDefinitions.ts';
import { updateQuestionTexts } from '../services/questionTexts.ts';
import { DefinitionLockedError, NotFoundError, ValidationError } from '../services/errors.ts';

const ImportOutcome = builder.enumType('CampaignDefinitionOutcome', {
  values: {
    CREATED: { description: 'A new campaign, created as a draft.' },
    UPDATED: { description: "The draft's questionnaire was replaced." },
    UNCHANGED: { description: 'The document is the stored one («без изменений»); nothing was written.' },
  },
});

const outcomeOf = (plan: DefinitionImportPlan) => plan.outcome.toUpperCase() as 'CREATED' | 'UPDATED' | 'UNCHANGED';

const PreviewType = builder.objectRef<DefinitionImportPlan>('CampaignDefinitionPreview').implement({
  description: 'What importing a definition document would do.',
  fields: (t) => ({
    outcome: t.field({ type: ImportOutcome, resolve: outcomeOf }),
    campaignCode: t.exposeString('campaignCode'),
    title: t.exposeString('title'),
    sections: t.int({ resolve: (plan) => plan.counts.sections }),
    questions: t.int({ resolve: (plan) => plan.counts.questions }),
    options: t.int({ resolve: (plan) => plan.counts.options }),
    message: t.exposeString('message', { description: 'In Russian, for the coordinator.' }),
  }),
});

const ImportType = builder.objectRef<DefinitionImportResult>('CampaignDefinitionImport').implement({
  description: 'The outcome of importing a definition document.',
  fields: (t) => ({
    outcome: t.field({ type: ImportOutcome, resolve: outcomeOf }),
    campaign: t.prismaField({
      type: 'Campaign',
      // Read again with the selection of the query (sections, questions…), after the write committed.
      resolve: (query, result, _args, context) => context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: result.campaign.id } }),
    }),
    sections: t.int({ resolve: (result) => result.counts.sections }),
    questions: t.int({ resolve: (result) => result.counts.questions }),
    options: t.int({ resolve: (result) => result.counts.options }),
    message: t.exposeString('message', { description: 'In Russian, for the coordinator.' }),
  }),
});

const ImportInput = builder.inputType('ImportCampaignDefinitionInput', {
  fields: (t) => ({
    definition: t.field({ type: 'JSON', required: true, description: 'The definition document (see prisma/surveys/README.md).' }),
    reason: t.string(),
  }),
});

const OptionInput = builder.inputType('QuestionOptionInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    label: t.string({ required: true }),
    help: t.string(),
  }),
});

const TextsInput = builder.inputType('UpdateQuestionTextsInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    questionCode: t.string({ required: true }),
    help: t.string({ description: 'The help text under the question; empty or null removes it.' }),
    options: t.field({
      type: [OptionInput],
      required: true,
      description: 'The whole option list in display order (of the question, or of its year-matrix cell); empty for questions without options.',
    }),
    reason: t.string(),
  }),
});

builder.queryFields((t) => ({
  campaignDefinitionPreview: t.field({
    type: PreviewType,
    description: 'Validates a definition document and says what importing it would do; writes nothing.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, DefinitionLockedError] },
    args: { definition: t.arg({ type: 'JSON', required: true }) },
    resolve: (_root, args, context) => previewDefinitionImport(context.prisma, args.definition),
  }),
  campaignDefinitionDocument: t.field({
    type: 'JSON',
    description: "A campaign's stored definition document, to download, edit and import back.",
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError] },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => campaignDefinitionDocument(context.prisma, args.code),
  }),
}));

builder.mutationFields((t) => ({
  importCampaignDefinition: t.field({
    type: ImportType,
    description:
      'Imports a definition document: a new code creates a DRAFT campaign; a changed document replaces a draft questionnaire without responses; the same document changes nothing.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, DefinitionLockedError] },
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: (_root, { input }, context) =>
      importCampaignDefinition(context.prisma, signedIn(context), { definition: input.definition, reason: input.reason }),
  }),
  updateQuestionTexts: t.prismaField({
    type: 'Question',
    description:
      "Replaces a draft question's option list (add, remove, rename, reorder) and its help text; the definition, its digest and the rows change together.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError, DefinitionLockedError] },
    args: { input: t.arg({ type: TextsInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const result = await updateQuestionTexts(context.prisma, signedIn(context), input);
      return context.prisma.question.findUniqueOrThrow({
        ...query,
        where: { campaignId_code: { campaignId: result.campaignId, code: result.questionCode } },
      });
    },
  }),
}));
