// The published analytics of a campaign (coordinators): shares per option (per year), number
// statistics, the definition's ratios (cost per organisation / respondent), respondents and the
// regions that did not take part.
import { builder } from '../builder.ts';
import {
  campaignAnalytics,
  type CampaignAnalytics,
  type NumberStats,
  type OptionShare,
  type QuestionFigures,
  type RatioFigures,
  type RatioYear,
  type YearFigures,
} from '../services/analytics.ts';

const OptionShareType = builder.objectRef<OptionShare>('OptionShare').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', {
      description: 'count ÷ respondents who answered, 0–1; for a multiple choice the shares may add up to more than 1.',
    }),
  }),
});

const NumberStatsType = builder.objectRef<NumberStats>('NumberStats').implement({
  fields: (t) => ({
    count: t.exposeInt('count'),
    mean: t.exposeFloat('mean'),
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    median: t.exposeFloat('median'),
  }),
});

const YearFiguresType = builder.objectRef<YearFigures>('YearFigures').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    answered: t.exposeInt('answered'),
    options: t.field({ type: [OptionShareType], nullable: true, resolve: (year) => year.options }),
    numbers: t.field({ type: NumberStatsType, nullable: true, resolve: (year) => year.numbers }),
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
    answered: t.exposeInt('answered'),
    options: t.field({ type: [OptionShareType], nullable: true, resolve: (question) => question.options }),
    numbers: t.field({ type: NumberStatsType, nullable: true, resolve: (question) => question.numbers }),
    years: t.field({ type: [YearFiguresType], nullable: true, resolve: (question) => question.years }),
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

const AnalyticsRegion = builder.objectRef<{ id: number; code: string; name: string }>('AnalyticsRegion').implement({
  fields: (t) => ({ id: t.exposeID('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
});

const CampaignAnalyticsType = builder.objectRef<CampaignAnalytics>('CampaignAnalytics').implement({
  description: 'Over submitted questionnaires only.',
  fields: (t) => ({
    campaignCode: t.exposeString('campaignCode'),
    title: t.exposeString('title'),
    respondentsCount: t.exposeInt('respondentsCount'),
    sections: t.field({
      type: [AnalyticsSection],
      description: 'The sections of the questionnaire, in order.',
      resolve: (analytics) => analytics.sections,
    }),
    questions: t.field({ type: [QuestionFiguresType], resolve: (analytics) => analytics.questions }),
    ratios: t.field({ type: [RatioFiguresType], resolve: (analytics) => analytics.ratios }),
    nonParticipatingRegions: t.field({
      type: [AnalyticsRegion],
      description: 'Regions without a submitted questionnaire, in official order.',
      resolve: (analytics) => analytics.nonParticipatingRegions,
    }),
  }),
});

builder.queryField('campaignAnalytics', (t) =>
  t.field({
    type: CampaignAnalyticsType,
    nullable: true,
    authScopes: { coordinator: true },
    args: { campaignCode: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const exists = await context.prisma.campaign.count({ where: { code: args.campaignCode } });
      return exists ? campaignAnalytics(context.prisma, args.campaignCode) : null;
    },
  }),
);
