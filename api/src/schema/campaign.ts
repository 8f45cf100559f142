import { builder } from '../builder.ts';
import { type Context, signedIn } from '../context.ts';
import { type AuditedBy, campaignDefinition, extendWindowForRegion, setCampaignWindow, type WindowChange } from '../services/campaigns.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { plannedPeriod, windowState, withCampaignDates } from '../survey/window.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { addListQueries, narrowedBy } from './lists.ts';

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
    opensAt: t.expose('opensAt', { type: 'DateTime', description: 'The window in force: when answers are accepted from.' }),
    closesAt: t.expose('closesAt', { type: 'DateTime', description: 'The window in force: when answers stop being accepted (exclusive).' }),
    plannedOpensAt: t.field({
      type: 'DateTime',
      description: 'The official (planned) period, which texts name; «open now» and «close now» do not change it.',
      resolve: (campaign) => plannedPeriod(campaign).opensAt,
    }),
    plannedClosesAt: t.field({ type: 'DateTime', resolve: (campaign) => plannedPeriod(campaign).closesAt }),
    windowState: t.field({ type: WindowState, resolve: (campaign) => windowState(campaign, new Date()) }),
    intro: t.string({
      nullable: true,
      description: 'The introduction, with the dates of the planned period filled in ({{период}} and the like).',
      select: { definition: true, definitionSha256: true },
      resolve: (campaign) => {
        const intro = campaignDefinition(campaign).intro;
        return intro ? withCampaignDates(intro, plannedPeriod(campaign)) : null;
      },
    }),
    submit: t.field({
      type: SubmitLabels,
      select: { definition: true, definitionSha256: true },
      resolve: (campaign) => {
        const submit = campaignDefinition(campaign).submit;
        return { ...submit, thanks: withCampaignDates(submit.thanks, plannedPeriod(campaign)) };
      },
    }),
    sections: t.relation('sections', { query: { orderBy: { position: 'asc' } } }),
  }),
});

/** Drafts are the coordinators' business: the server's rule every path to a campaign applies. */
export const visibleCampaigns = (context: Context): Prisma.CampaignWhereInput | null =>
  context.viewer?.role === 'COORDINATOR' ? null : { state: { not: 'DRAFT' } };

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
  visibleTo: visibleCampaigns,
  visibilityNote: 'Drafts only for coordinators: for anyone else a filter by state DRAFT finds nothing.',
  toWhere: (filter) => ({
    ...(filter?.year ? { year: filter.year } : {}),
    ...(filter?.state ? { state: filter.state } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
  }),
});

builder.queryField('campaign', (t) =>
  t.prismaField({
    type: 'Campaign',
    nullable: true,
    description: 'A published campaign by its code, e.g. "nok-2021" (a draft only for coordinators).',
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findFirst({ ...query, where: narrowedBy(visibleCampaigns(context), { code: args.code }) }),
  }),
);

// ---------------------------------------------------------------------------
// Window control (coordinators): each change is recorded in the audit log.

const WindowInput = builder.inputType('CampaignWindowInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    opensAt: t.field({ type: 'DateTime' }),
    closesAt: t.field({ type: 'DateTime' }),
    reason: t.string(),
  }),
});

/**
 * Sets the window of `input.campaignCode` as `change` says, audited as `action` with the input's
 * reason, then reads the campaign back with the client's selection (`query`): a resolver that left
 * it unused made the prisma plugin print «Prisma query was unused» and load what the client
 * selected under the campaign one relation at a time.
 */
const changeWindow = async (
  context: Context,
  query: object,
  input: { campaignCode: string; reason?: string | null },
  action: AuditedBy['action'],
  change: WindowChange,
) => {
  const changed = await setCampaignWindow(context.prisma, input.campaignCode, change, { actor: signedIn(context), action, reason: input.reason });
  return context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: changed.id } });
};

builder.mutationFields((t) => ({
  openCampaignWindow: t.prismaField({
    type: 'Campaign',
    description: 'Opens the window now (and publishes the campaign); keeps the closing date unless one is given.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: WindowInput, required: true }) },
    resolve: (query, _root, { input }, context) =>
      changeWindow(context, query, input, 'campaign.window.open', { opensAt: 'now', closesAt: input.closesAt ?? undefined, state: 'PUBLISHED' }),
  }),
  closeCampaignWindow: t.prismaField({
    type: 'Campaign',
    description: 'Closes the window now: saves in flight finish, later ones are refused.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: WindowInput, required: true }) },
    // Closing a window that has not opened yet moves its opening back too, so the window stays valid.
    resolve: (query, _root, { input }, context) => changeWindow(context, query, input, 'campaign.window.close', { closesAt: 'now' }),
  }),
  moveCampaignWindow: t.prismaField({
    type: 'Campaign',
    description: 'Sets or moves the opening and closing dates.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: WindowInput, required: true }) },
    resolve: (query, _root, { input }, context) =>
      changeWindow(context, query, input, 'campaign.window.move', { opensAt: input.opensAt ?? undefined, closesAt: input.closesAt ?? undefined }),
  }),
}));

const RegionExtension = builder.objectRef<{ regionId: number; closesAt: Date }>('RegionWindowExtension').implement({
  fields: (t) => ({
    regionId: t.exposeID('regionId'),
    closesAt: t.field({ type: 'DateTime', resolve: (extension) => extension.closesAt }),
  }),
});

const ExtendInput = builder.inputType('ExtendRegionWindowInput', {
  fields: (t) => ({
    campaignCode: t.string({ required: true }),
    regionCode: t.string({ required: true }),
    closesAt: t.field({ type: 'DateTime', required: true }),
    reason: t.string(),
  }),
});

builder.mutationField('extendRegionWindow', (t) =>
  t.field({
    type: RegionExtension,
    description: "Lets one region's respondents answer after the window closes, until `closesAt`.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ExtendInput, required: true }) },
    resolve: (_root, { input }, context) => extendWindowForRegion(context.prisma, signedIn(context), input),
  }),
);
