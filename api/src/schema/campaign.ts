import { builder } from '../builder.ts';
import { campaignDefinition, windowState } from '../services/campaigns.ts';
import { addListQueries } from './lists.ts';

export const CampaignState = builder.enumType('CampaignState', {
  values: {
    DRAFT: { description: 'Being prepared; visible to coordinators only.' },
    PUBLISHED: { description: 'Respondents may answer while the window is open.' },
    ARCHIVED: { description: 'Finished; kept for analysis.' },
  },
});

export const WindowState = builder.enumType('WindowState', {
  values: {
    DRAFT: { description: 'Not published.' },
    NOT_YET_OPEN: { description: 'Published; the window opens later.' },
    OPEN: { description: 'Registration and answers are accepted now.' },
    CLOSED: { description: 'The window has closed.' },
  },
});

const SubmitLabels = builder.objectRef<{ confirmLabel: string; buttonLabel: string; thanks: string }>('SubmitLabels').implement({
  fields: (t) => ({
    confirmLabel: t.exposeString('confirmLabel'),
    buttonLabel: t.exposeString('buttonLabel'),
    thanks: t.exposeString('thanks'),
  }),
});

builder.prismaObject('Campaign', {
  description: 'A yearly survey with its window and questionnaire.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    year: t.exposeInt('year'),
    state: t.expose('state', { type: CampaignState }),
    opensAt: t.expose('opensAt', { type: 'DateTime' }),
    closesAt: t.expose('closesAt', { type: 'DateTime' }),
    windowState: t.field({ type: WindowState, resolve: (campaign) => windowState(campaign, new Date()) }),
    intro: t.string({ nullable: true, select: { definition: true, definitionSha256: true }, resolve: (campaign) => campaignDefinition(campaign).intro ?? null }),
    submit: t.field({ type: SubmitLabels, select: { definition: true, definitionSha256: true }, resolve: (campaign) => campaignDefinition(campaign).submit }),
    sections: t.relation('sections', { query: { orderBy: { position: 'asc' } } }),
  }),
});

const CampaignFilter = builder.inputType('CampaignFilter', {
  fields: (t) => ({ year: t.int(), state: t.field({ type: CampaignState }), ids: t.idList() }),
});

addListQueries({
  type: 'Campaign',
  plural: 'Campaigns',
  filter: CampaignFilter,
  scope: 'public',
  sortFields: { year: (order) => ({ year: order }), opensAt: (order) => ({ opensAt: order }), code: (order) => ({ code: order }) },
  defaultSort: 'year',
  delegate: (context) => context.prisma.campaign,
  toWhere: (filter, context) => ({
    // Drafts are the coordinators' business.
    ...(context.viewer?.role === 'COORDINATOR' ? {} : { state: { not: 'DRAFT' as const } }),
    ...(filter?.year ? { year: filter.year } : {}),
    ...(filter?.state ? { state: filter.state } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
  }),
});

builder.queryField('campaign', (t) =>
  t.prismaField({
    type: 'Campaign',
    nullable: true,
    description: 'A published campaign by its code, e.g. "nok-2021".',
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findFirst({
        ...query,
        where: { code: args.code, ...(context.viewer?.role === 'COORDINATOR' ? {} : { state: { not: 'DRAFT' } }) },
      }),
  }),
);
