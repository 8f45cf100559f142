// The analytics of a campaign (seed 002). Coordinators read the live figures (campaignAnalytics),
// publish them as a dated, versioned snapshot after disclosure control (publishCampaignAnalytics)
// and set the regions a campaign expects (setCampaignExpectedRegions). Anyone — anonymous readers,
// people signed in, and regional portals whose token has the `report` scope — reads only a
// publication (publishedAnalytics), never live answers.
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { portalMay, signedIn } from '../context.ts';
import {
  type AnalyticsRegion,
  type CampaignAnalytics,
  type Distribution,
  type FieldFigures,
  type NumberStats,
  type OptionShare,
  type Publication,
  type PublicationSummary,
  type QuestionFigures,
  type RatioFigures,
  type RatioYear,
  type RegionRef,
  type TextAnswer,
  type YearFigures,
  campaignAnalytics,
  publicationVersions,
  publishAnalytics,
  publishedAnalytics,
  setExpectedRegions,
} from '../services/analytics.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';

const ShareMethodType = builder.enumType('ShareMethod', {
  description: 'How the shares of a choice are counted.',
  values: {
    RESPONDENTS: { value: 'respondents', description: 'Of the respondents who answered (a multiple choice may add up to more than 100 %).' },
    MENTIONS: { value: 'mentions', description: 'Of all options chosen (they add up to 100 %).' },
  } as const,
});

const RegionRefType = builder.objectRef<RegionRef>('AnalyticsRegionRef').implement({
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name') }),
});

const OptionShareType = builder.objectRef<OptionShare>('OptionShare').implement({
  description: 'One option of a choice; the numbers are null where disclosure control suppressed them.',
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    count: t.exposeInt('count', { nullable: true }),
    share: t.exposeFloat('share', { nullable: true, description: "The share by the column's method, 0–1." }),
    shareOfRespondents: t.exposeFloat('shareOfRespondents', { nullable: true, description: 'count ÷ those who answered, 0–1.' }),
    shareOfMentions: t.exposeFloat('shareOfMentions', { nullable: true, description: 'count ÷ all options chosen, 0–1.' }),
    respondents: t.exposeInt('respondents', { nullable: true, description: 'Questionnaires behind count.' }),
    regions: t.field({ type: [RegionRefType], description: 'Regions that chose it, by name.', resolve: (option) => option.regions }),
    suppressed: t.exposeBoolean('suppressed'),
  }),
});

const NumberStatsType = builder.objectRef<NumberStats>('NumberStats').implement({
  fields: (t) => ({
    count: t.exposeInt('count'),
    sum: t.exposeFloat('sum'),
    mean: t.exposeFloat('mean'),
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    median: t.exposeFloat('median'),
    minRegions: t.field({ type: [RegionRefType], description: 'Regions whose answer is the minimum.', resolve: (stats) => stats.minRegions ?? [] }),
    maxRegions: t.field({ type: [RegionRefType], description: 'Regions whose answer is the maximum.', resolve: (stats) => stats.maxRegions ?? [] }),
  }),
});

const TextAnswerType = builder.objectRef<TextAnswer>('TextAnswer').implement({
  fields: (t) => ({
    text: t.exposeString('text'),
    region: t.field({ type: RegionRefType, nullable: true, description: 'Null in publications.', resolve: (answer) => answer.region }),
  }),
});

/** The fields every column of figures has (a question, a year, the pooled years, a group's field). */
function distributionFields<T extends Distribution>(t: PothosFieldBuilder<T>) {
  return {
    answered: t.exposeInt('answered', { nullable: true, description: 'n: who answered (items, for a group field); null when suppressed.' }),
    respondents: t.exposeInt('respondents', { nullable: true, description: 'Questionnaires behind n.' }),
    notApplicable: t.exposeInt('notApplicable', { description: 'Years marked «не применимо».' }),
    mentions: t.exposeInt('mentions', { nullable: true, description: 'Options chosen in all (choices only).' }),
    method: t.field({
      type: ShareMethodType,
      nullable: true,
      description: 'What `share` is a share of (choices only).',
      resolve: (column: Distribution) => column.method,
    }),
    options: t.field({ type: [OptionShareType], nullable: true, resolve: (column: Distribution) => column.options }),
    numbers: t.field({ type: NumberStatsType, nullable: true, resolve: (column: Distribution) => column.numbers }),
    texts: t.field({
      type: [TextAnswerType],
      nullable: true,
      description: 'Short free-text answers (at most 500).',
      resolve: (column: Distribution) => column.texts,
    }),
    textsTotal: t.exposeInt('textsTotal'),
    suppressed: t.exposeBoolean('suppressed', { description: 'Disclosure control hid some figure of this column.' }),
  };
}
// biome-ignore lint/suspicious/noExplicitAny: Pothos' field builder type for a generic parent.
type PothosFieldBuilder<T> = any & { __parent?: T };

const ColumnType = builder.objectRef<Distribution>('AnalyticsColumn').implement({
  description: 'Figures of one column: the years of a matrix pooled.',
  fields: (t) => distributionFields(t),
});

const YearFiguresType = builder.objectRef<YearFigures>('YearFigures').implement({
  fields: (t) => ({ year: t.exposeInt('year'), ...distributionFields(t) }),
});

const FieldFiguresType = builder.objectRef<FieldFigures>('FieldFigures').implement({
  description: "A field of a repeatable group's items (e.g. the practices' level), counted over all items.",
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    type: t.exposeString('type'),
    caption: t.exposeString('caption', { nullable: true }),
    ...distributionFields(t),
  }),
});

const QuestionFiguresType = builder.objectRef<QuestionFigures>('QuestionFigures').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    sectionCode: t.exposeString('sectionCode'),
    number: t.exposeString('number', { nullable: true }),
    label: t.exposeString('label'),
    type: t.exposeString('type'),
    cellType: t.exposeString('cellType', {
      nullable: true,
      description: 'For a year matrix, the type of its cells (number, singleChoice…); otherwise null.',
    }),
    caption: t.exposeString('caption', { nullable: true, description: 'The published caption, e.g. «Рисунок 10 – Способы определения оператора».' }),
    ...distributionFields(t),
    years: t.field({ type: [YearFiguresType], nullable: true, resolve: (question) => question.years }),
    pooled: t.field({ type: ColumnType, nullable: true, description: 'A year matrix, all years together.', resolve: (question) => question.pooled }),
    items: t.exposeInt('items', { nullable: true, description: "A group's items in all submitted questionnaires." }),
    fields: t.field({ type: [FieldFiguresType], nullable: true, resolve: (question) => question.fields }),
  }),
});

const RatioYearType = builder.objectRef<RatioYear>('RatioYear').implement({
  description: 'One year of a ratio over submitted questionnaires whose denominator is above 0.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: "The matrix year; for a ratio of plain numbers, the survey's year." }),
    count: t.exposeInt('count', { description: 'Questionnaires whose own ratio was computed (both numbers given, denominator above 0).' }),
    skipped: t.exposeInt('skipped', {
      description: 'Questionnaires giving one side for the year but no usable pair (missing, or a zero denominator).',
    }),
    mean: t.exposeFloat('mean', {
      nullable: true,
      description: "Mean of the questionnaires' own ratios (each region weighs the same); null when count is 0.",
    }),
    min: t.exposeFloat('min', { nullable: true, description: "Smallest of the questionnaires' own ratios." }),
    max: t.exposeFloat('max', { nullable: true, description: "Largest of the questionnaires' own ratios." }),
    median: t.exposeFloat('median', { nullable: true, description: "Median of the questionnaires' own ratios." }),
    aggregate: t.exposeFloat('aggregate', {
      nullable: true,
      description: 'Sum of numerators ÷ sum of denominators over the same questionnaires (weighted by the denominator), times the scale.',
    }),
    minRegions: t.field({ type: [RegionRefType], resolve: (year) => year.minRegions ?? [] }),
    maxRegions: t.field({ type: [RegionRefType], resolve: (year) => year.maxRegions ?? [] }),
    suppressed: t.boolean({ resolve: (year) => year.suppressed ?? false }),
  }),
});

const RatioFiguresType = builder.objectRef<RatioFigures>('RatioFigures').implement({
  description: "A ratio named in the survey definition's analytics.ratios, e.g. the cost of НОК per organisation.",
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    unit: t.exposeString('unit', { nullable: true }),
    numerator: t.exposeString('numerator', { description: 'The code of the numerator question.' }),
    denominator: t.exposeString('denominator', { description: 'The code of the denominator question.' }),
    years: t.field({ type: [RatioYearType], resolve: (ratio) => ratio.years }),
  }),
});

const AnalyticsSection = builder.objectRef<{ code: string; title: string }>('AnalyticsSection').implement({
  fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
});

const AnalyticsRegionType = builder.objectRef<AnalyticsRegion>('AnalyticsRegion').implement({
  fields: (t) => ({ id: t.exposeID('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
});

const CampaignAnalyticsType = builder.objectRef<CampaignAnalytics>('CampaignAnalytics').implement({
  description: 'Over submitted questionnaires only.',
  fields: (t) => ({
    campaignCode: t.exposeString('campaignCode'),
    title: t.exposeString('title'),
    year: t.int({ resolve: (analytics) => analytics.year ?? 0 }),
    respondentsCount: t.exposeInt('respondentsCount'),
    sections: t.field({
      type: [AnalyticsSection],
      description: 'The sections of the questionnaire, in order.',
      resolve: (analytics) => analytics.sections,
    }),
    questions: t.field({ type: [QuestionFiguresType], resolve: (analytics) => analytics.questions }),
    ratios: t.field({ type: [RatioFiguresType], resolve: (analytics) => analytics.ratios }),
    expectedRegionsCount: t.exposeInt('expectedRegionsCount', { description: "The campaign's expected regions (all regions when it has no list)." }),
    expectedRegionsSet: t.exposeBoolean('expectedRegionsSet', { description: 'Whether the campaign has its own list of expected regions.' }),
    expectedRegionCodes: t.stringList({
      description: "The campaign's own list of expected regions (ISO codes); empty when it has none.",
      resolve: (analytics) => analytics.expectedRegionCodes ?? [],
    }),
    participatingRegionsCount: t.exposeInt('participatingRegionsCount', { description: 'Expected regions with a submitted questionnaire.' }),
    nonParticipatingRegions: t.field({
      type: [AnalyticsRegionType],
      description: 'Expected regions without a submitted questionnaire, in official order.',
      resolve: (analytics) => analytics.nonParticipatingRegions,
    }),
    threshold: t.exposeInt('threshold', {
      nullable: true,
      description: 'In a publication: figures resting on fewer respondents than this are suppressed. Null: live, unsuppressed.',
    }),
  }),
});

const PublicationSummaryType = builder.objectRef<PublicationSummary>('AnalyticsPublicationSummary').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    respondentsCount: t.exposeInt('respondentsCount'),
  }),
});

const PublicationType = builder.objectRef<Publication>('AnalyticsPublication').implement({
  description: "A campaign's analytics as published: dated, versioned, never changed afterwards; disclosure control applied.",
  fields: (t) => ({
    campaignCode: t.exposeString('campaignCode'),
    version: t.exposeInt('version'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    threshold: t.exposeInt('threshold'),
    respondentsCount: t.exposeInt('respondentsCount'),
    analytics: t.field({ type: CampaignAnalyticsType, resolve: (publication) => publication.analytics }),
    figures: t.field({
      type: 'JSON',
      description: 'The same figures as `analytics`, as stored: one JSON document (methods in lower case), for clients that want all of it at once.',
      resolve: (publication) => publication.analytics,
    }),
    versions: t.field({
      type: [PublicationSummaryType],
      description: "The campaign's publications, newest first (at most 100).",
      resolve: (publication, _args, context) => publicationVersions(context.prisma, publication.campaignCode),
    }),
  }),
});

builder.queryFields((t) => ({
  campaignAnalytics: t.field({
    type: CampaignAnalyticsType,
    nullable: true,
    description: 'The live figures, unsuppressed (coordinators).',
    authScopes: { coordinator: true },
    args: { campaignCode: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const exists = await context.prisma.campaign.count({ where: { code: args.campaignCode } });
      return exists ? campaignAnalytics(context.prisma, args.campaignCode) : null;
    },
  }),
  publishedAnalytics: t.field({
    type: PublicationType,
    nullable: true,
    description:
      "A campaign's published analytics: the given version, or the latest; null when none is published. Anyone may read it; a regional portal's token needs the `report` scope.",
    authScopes: { public: true },
    args: { campaignCode: t.arg.string({ required: true }), version: t.arg.int({ required: false }) },
    resolve: async (_root, args, context) => {
      if (context.portal && !portalMay(context, 'report')) {
        throw new GraphQLError('Токену портала не предоставлен доступ «report» (опубликованная аналитика).', { extensions: { code: 'FORBIDDEN' } });
      }
      if (args.version !== null && args.version !== undefined && (args.version < 1 || args.version > 1_000_000)) {
        throw new GraphQLError('version: укажите номер публикации (целое число от 1).', { extensions: { code: 'BAD_USER_INPUT', field: 'version' } });
      }
      return publishedAnalytics(context.prisma, args.campaignCode, args.version);
    },
  }),
}));

// Like every mutation, one `input` argument: a value of the wrong type is refused naming its place
// in it («input.campaignCode»).
const PublishAnalyticsInput = builder.inputType('PublishAnalyticsInput', {
  fields: (t) => ({ campaignCode: t.string({ required: true }) }),
});

const ExpectedRegionsInput = builder.inputType('ExpectedRegionsInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    regionCodes: t.stringList({ required: true, description: 'ISO codes of the expected regions (at most 100); empty: all regions.' }),
  }),
});

const ExpectedRegionsResult = builder.objectRef<{ campaignCode: string; regionCodes: string[] }>('ExpectedRegions').implement({
  fields: (t) => ({ campaignCode: t.exposeString('campaignCode'), regionCodes: t.exposeStringList('regionCodes') }),
});

builder.mutationFields((t) => ({
  publishCampaignAnalytics: t.field({
    type: PublicationType,
    description: "Publishes the campaign's analytics as they are now: a new version after disclosure control; earlier versions stay readable.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: PublishAnalyticsInput, required: true }) },
    resolve: (_root, { input }, context) => publishAnalytics(context.prisma, signedIn(context), input.campaignCode),
  }),
  setCampaignExpectedRegions: t.field({
    type: ExpectedRegionsResult,
    description: 'Sets the regions a campaign expects to take part («не приняли участие» is counted against them).',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ExpectedRegionsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.regionCodes.length > 100) {
        throw new ValidationError([{ path: 'regionCodes', questionCode: null, code: 'TOO_MANY_ITEMS', message: 'Не более 100 регионов.' }]);
      }
      const regionCodes = await setExpectedRegions(context.prisma, signedIn(context), input.campaignCode, input.regionCodes);
      return { campaignCode: input.campaignCode, regionCodes };
    },
  }),
}));
