// Regional portals (issue 11): what a portal's token reads of its own region. No argument names a
// region: it is always the token's (context.portal).
import { builder } from '../builder.ts';
import { portalOf } from '../context.ts';
import { type PortalAuthorityStatus, type PortalCampaignStatus, portalRegionStatus } from '../services/portalStatus.ts';
import { portalScopes } from '../services/portalTokens.ts';
import { WindowState } from './campaign.ts';

const PortalRespondents = builder.objectRef<PortalCampaignStatus['respondents']>('PortalRespondentCounts').implement({
  description: "The region's questionnaires by state (a questionnaire counts for the region its answers name).",
  fields: (t) => ({
    total: t.exposeInt('total'),
    inProgress: t.exposeInt('inProgress', { description: 'Started, not sent.' }),
    submitted: t.exposeInt('submitted'),
  }),
});

const PortalSection = builder.objectRef<PortalCampaignStatus['sections'][number]>('PortalSectionCompletion').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    percent: t.exposeInt('percent', { description: "Mean completion of the section over the region's questionnaires, 0–100." }),
  }),
});

const PortalAuthority = builder.objectRef<PortalAuthorityStatus>('PortalAuthorityStatus').implement({
  description: "An authority named by the region's questionnaires (its name only, never the people).",
  fields: (t) => ({
    name: t.exposeString('name'),
    sphere: t.exposeString('sphere', { nullable: true }),
    respondents: t.exposeInt('respondents'),
    inProgress: t.exposeInt('inProgress'),
    submitted: t.exposeInt('submitted'),
    completion: t.exposeInt('completion', { description: 'Mean overall completion of its questionnaires, 0–100.' }),
  }),
});

const PortalCampaign = builder.objectRef<PortalCampaignStatus>('PortalCampaignStatus').implement({
  description: "A published campaign as it stands in the portal's region.",
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    year: t.exposeInt('year'),
    windowState: t.field({
      type: WindowState,
      description: "The window's state for this region, its extension counted.",
      resolve: (row) => row.windowState,
    }),
    opensAt: t.field({ type: 'DateTime', resolve: (row) => row.opensAt }),
    closesAt: t.field({ type: 'DateTime', description: "The campaign's own closing time (exclusive).", resolve: (row) => row.closesAt }),
    regionExtendedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: "The region's own extension of the window, when it has one.",
      resolve: (row) => row.regionExtendedUntil,
    }),
    closesAtForRegion: t.field({ type: 'DateTime', description: 'When the window closes for this region.', resolve: (row) => row.closesAtForRegion }),
    respondents: t.field({ type: PortalRespondents, resolve: (row) => row.respondents }),
    completion: t.exposeInt('completion', { description: "Mean overall completion of the region's questionnaires, 0–100." }),
    sections: t.field({ type: [PortalSection], description: 'Completion by section, in the questionnaire’s order.', resolve: (row) => row.sections }),
    authorities: t.field({ type: [PortalAuthority], description: 'Completion by authority, by name.', resolve: (row) => row.authorities }),
    submittedAuthorities: t.exposeStringList('submittedAuthorities', { description: 'Authorities with a submitted questionnaire.' }),
  }),
});

const PortalScopeType = builder.objectRef<{ code: string; description: string }>('PortalScope').implement({
  fields: (t) => ({ code: t.exposeString('code'), description: t.exposeString('description') }),
});

export const PortalRegion = builder.objectRef<{ regionId: number; scopes: string[] }>('PortalRegion').implement({
  description: "A regional portal's view of its own region.",
  fields: (t) => ({
    region: t.prismaField({
      type: 'Region',
      resolve: (query, portal, _args, context) => context.prisma.region.findUniqueOrThrow({ ...query, where: { id: portal.regionId } }),
    }),
    scopes: t.field({
      type: [PortalScopeType],
      description: 'What the token may read.',
      resolve: (portal) => portal.scopes.map((code) => ({ code, description: portalScopes[code as keyof typeof portalScopes] ?? code })),
    }),
    campaigns: t.field({
      type: [PortalCampaign],
      description: 'The status scope: every published campaign, newest first, as it stands in the region.',
      authScopes: { portalWith: 'status' },
      resolve: (portal, _args, context) => portalRegionStatus(context.prisma, portal.regionId),
    }),
  }),
});

builder.queryField('portalRegion', (t) =>
  t.field({
    type: PortalRegion,
    description:
      "For a regional portal's token (Authorization: Bearer): its own region, whatever its scopes; each field below needs its own scope (campaigns: status, responses: answers, officials: personal). The region is always the token's.",
    authScopes: { portal: true },
    resolve: (_root, _args, context) => {
      const portal = portalOf(context);
      return { regionId: portal.regionId, scopes: portal.scopes };
    },
  }),
);
