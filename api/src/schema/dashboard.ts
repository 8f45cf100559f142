// The coordinators' dashboard: completion of a campaign by status, region and section.
import { builder } from '../builder.ts';
import { campaignDashboard, type CampaignDashboard, type RegionCompletion } from '../services/dashboard.ts';
import { WindowState } from './campaign.ts';

const SectionPercent = builder.objectRef<{ code: string; percent: number }>('SectionPercent').implement({
  fields: (t) => ({ code: t.exposeString('code'), percent: t.exposeInt('percent') }),
});

const DashboardSection = builder.objectRef<{ code: string; title: string }>('DashboardSection').implement({
  fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
});

const DashboardExtension = builder.objectRef<CampaignDashboard['extensions'][number]>('DashboardRegionExtension').implement({
  fields: (t) => ({
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    closesAt: t.field({ type: 'DateTime', resolve: (extension) => extension.closesAt }),
  }),
});

const RegionCompletionType = builder.objectRef<RegionCompletion & { sectionCodes: string[] }>('RegionCompletion').implement({
  fields: (t) => ({
    regionId: t.exposeID('regionId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    federalDistrict: t.exposeString('federalDistrict'),
    participates: t.exposeBoolean('participates', { description: 'false: «не участвует» (nobody from the region has started).' }),
    responses: t.exposeInt('responses'),
    inProgress: t.exposeInt('inProgress'),
    submitted: t.exposeInt('submitted'),
    completion: t.exposeInt('completion'),
    sections: t.field({
      type: [SectionPercent],
      resolve: (row) => row.sectionCodes.map((code) => ({ code, percent: row.sections[code] ?? 0 })),
    }),
  }),
});

const Dashboard = builder.objectRef<CampaignDashboard>('CampaignDashboard').implement({
  fields: (t) => ({
    campaignCode: t.exposeString('campaignCode'),
    windowState: t.field({ type: WindowState, resolve: (dashboard) => dashboard.windowState }),
    opensAt: t.field({ type: 'DateTime', resolve: (dashboard) => dashboard.opensAt }),
    closesAt: t.field({ type: 'DateTime', resolve: (dashboard) => dashboard.closesAt }),
    daysLeft: t.exposeInt('daysLeft'),
    registered: t.exposeInt('registered'),
    notStarted: t.exposeInt('notStarted'),
    inProgress: t.exposeInt('inProgress'),
    submitted: t.exposeInt('submitted'),
    sectionCodes: t.exposeStringList('sectionCodes'),
    sections: t.field({
      type: [DashboardSection],
      description: 'The sections in order, with their titles.',
      resolve: (dashboard) => dashboard.sections,
    }),
    extensions: t.field({
      type: [DashboardExtension],
      description: 'Regions allowed to answer after the window closes (extendRegionWindow), in official order.',
      resolve: (dashboard) => dashboard.extensions,
    }),
    regions: t.field({
      type: [RegionCompletionType],
      description: 'All 89 regions in official order.',
      resolve: (dashboard) => dashboard.regions.map((region) => ({ ...region, sectionCodes: dashboard.sectionCodes })),
    }),
  }),
});

builder.queryField('campaignDashboard', (t) =>
  t.field({
    type: Dashboard,
    authScopes: { coordinator: true },
    args: { campaignCode: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => campaignDashboard(context.prisma, args.campaignCode),
  }),
);
