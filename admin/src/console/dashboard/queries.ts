// The dashboard's reads and the window-control mutations (domain verbs, not ra-data-graphql).
import { graphql } from '../graphql.ts';

export interface CampaignSummary {
  id: string;
  code: string;
  title: string;
  year: number;
  windowState: string;
  opensAt: string;
  closesAt: string;
}

export interface RegionCompletion {
  regionId: string;
  code: string;
  name: string;
  federalDistrict: string;
  participates: boolean;
  responses: number;
  inProgress: number;
  submitted: number;
  completion: number;
  sections: { code: string; percent: number }[];
}

export interface CampaignDashboard {
  campaignCode: string;
  windowState: string;
  opensAt: string;
  closesAt: string;
  daysLeft: number;
  registered: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  sectionCodes: string[];
  sections: { code: string; title: string }[];
  extensions: { regionCode: string; regionName: string; closesAt: string }[];
  regions: RegionCompletion[];
}

export async function loadCampaigns(): Promise<CampaignSummary[]> {
  const { allCampaigns } = await graphql<{ allCampaigns: CampaignSummary[] }>(
    `query ConsoleCampaigns { allCampaigns(sortField: "year", sortOrder: DESC, perPage: 100) { id code title year windowState opensAt closesAt } }`,
  );
  return allCampaigns;
}

export async function loadDashboard(campaignCode: string): Promise<CampaignDashboard> {
  const { campaignDashboard } = await graphql<{ campaignDashboard: CampaignDashboard }>(
    `query ConsoleDashboard($campaignCode: String!) {
      campaignDashboard(campaignCode: $campaignCode) {
        campaignCode windowState opensAt closesAt daysLeft registered notStarted inProgress submitted sectionCodes sections { code title } extensions { regionCode regionName closesAt }
        regions { regionId code name federalDistrict participates responses inProgress submitted completion sections { code percent } }
      }
    }`,
    { campaignCode },
  );
  return campaignDashboard;
}

export type WindowOperation = 'openCampaignWindow' | 'closeCampaignWindow' | 'moveCampaignWindow' | 'extendRegionWindow';

export interface WindowOutcome {
  ok: boolean;
  message?: string;
  fieldErrors?: { path: string; message: string }[];
  campaign?: { windowState: string; opensAt: string; closesAt: string };
  extension?: { closesAt: string };
}

export async function changeWindow(operation: WindowOperation, input: Record<string, unknown>): Promise<WindowOutcome> {
  const inputType = operation === 'extendRegionWindow' ? 'ExtendRegionWindowInput' : 'CampaignWindowInput';
  const success =
    operation === 'extendRegionWindow'
      ? '... on MutationExtendRegionWindowSuccess { data { closesAt regionId } }'
      : `... on ${successType(operation)} { data { windowState opensAt closesAt } }`;
  const result = await graphql<Record<string, any>>(
    `mutation ConsoleWindow($input: ${inputType}!) {
      result: ${operation}(input: $input) {
        __typename
        ${success}
        ... on Error { message }
        ... on ValidationError { fieldErrors { path message } }
      }
    }`,
    { input },
  );
  const outcome = result.result;
  if (outcome.__typename.endsWith('Success')) {
    return operation === 'extendRegionWindow' ? { ok: true, extension: outcome.data } : { ok: true, campaign: outcome.data };
  }
  return { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
}

function successType(operation: WindowOperation): string {
  return `Mutation${operation[0]!.toUpperCase()}${operation.slice(1)}Success`;
}
