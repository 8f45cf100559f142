// The first request of the page brings the questionnaire, the person's e-mail and answers, and the
// reference lists; this reads its outcome into what the page shows, or why it cannot.
import type { ApiResponse, Outcome } from './api.ts';
import { toCampaign, type ApiCampaign } from './model.ts';
import { responseOf } from './response.ts';
import type { Campaign, MeasureTypeGroup, Region, ResponseState } from './types.ts';

/** The questionnaire and what every section needs besides the answers. */
export interface Loaded {
  campaign: Campaign;
  email: string;
  regions: Region[];
  measureTypeGroups: MeasureTypeGroup[];
}

/** Why the questionnaire is not on screen. */
export type Failure = { kind: 'unauthenticated' } | { kind: 'notFound' } | { kind: 'network' } | { kind: 'error'; message: string };

/** The data of the LOAD query (lib/api.ts). */
export interface LoadData {
  viewer: { email: string } | null;
  campaign: ApiCampaign | null;
  myResponse: ApiResponse | null;
  allRegions: Region[];
  measureTypeGroups: MeasureTypeGroup[];
}

/** What was loaded, or why nothing was. */
export type LoadResult = Failure | { kind: 'loaded'; loaded: Loaded; response: ResponseState };

export function readLoad(outcome: Outcome<LoadData>): LoadResult {
  if (outcome.kind === 'network' || outcome.kind === 'unauthenticated') return { kind: outcome.kind };
  if (outcome.kind === 'error') return { kind: 'error', message: outcome.message };
  const result = outcome.data;
  if (!result.viewer) return { kind: 'unauthenticated' };
  if (!result.campaign) return { kind: 'notFound' };
  const campaign = toCampaign(result.campaign);
  return {
    kind: 'loaded',
    loaded: { campaign, email: result.viewer.email, regions: result.allRegions, measureTypeGroups: result.measureTypeGroups },
    response: responseOf(result.myResponse, campaign),
  };
}
