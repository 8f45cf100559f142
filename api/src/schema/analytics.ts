// The published analytics of a campaign (coordinators): shares per option (per year), number
// statistics, respondents and the regions that did not take part.
import { builder } from '../builder.ts';
import { campaignAnalytics, type CampaignAnalytics, type NumberStats, type OptionShare, type QuestionFigures, type YearFigures } from '../services/analytics.ts';

const OptionShareType = builder.objectRef<OptionShare>('OptionShare').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'count ÷ respondents who answered, 0–1; for a multiple choice the shares may add up to more than 1.' }),
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
    answered: t.exposeInt('answered'),
    options: t.field({ type: [OptionShareType], nullable: true, resolve: (question) => question.options }),
    numbers: t.field({ type: NumberStatsType, nullable: true, resolve: (question) => question.numbers }),
    years: t.field({ type: [YearFiguresType], nullable: true, resolve: (question) => question.years }),
  }),
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
    questions: t.field({ type: [QuestionFiguresType], resolve: (analytics) => analytics.questions }),
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
