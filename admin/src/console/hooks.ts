// How screens reach the data: the provider from react-admin's context (useDataProvider wraps it so
// that an ended session signs the coordinator out), its reads in react-query's cache (the one
// react-admin keeps: useRefresh() reloads them too), and the campaigns most screens start from.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList } from 'react-admin';
import type { ConsoleDataProvider } from './dataProvider.ts';
import type { CampaignRecord } from './records.ts';

export function useConsoleDataProvider(): ConsoleDataProvider {
  return useDataProvider<ConsoleDataProvider>();
}

/**
 * One of the provider's reads, cached under `key`. useDataProvider resolves a read that made it sign
 * the coordinator out to `{ data: {} }`; no read of ours answers an empty object, so that one is
 * kept as a failure and never drawn while the login page takes over.
 */
export function useConsoleQuery<T>(
  key: readonly unknown[],
  read: (dataProvider: ConsoleDataProvider) => Promise<{ data: T }>,
  options: { enabled?: boolean } = {},
) {
  const dataProvider = useConsoleDataProvider();
  return useQuery({
    queryKey: ['console', ...key],
    queryFn: async () => {
      const { data } = await read(dataProvider);
      if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0)
        throw new Error('ra.auth.auth_check_error');
      return data;
    },
    enabled: options.enabled ?? true,
  });
}

/** The campaigns, latest first (as the dashboard picks them); undefined while loading. */
export function useCampaigns(): { campaigns?: CampaignRecord[]; error?: string } {
  const { data, error } = useGetList<CampaignRecord>('Campaign', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  return { campaigns: data, error: error?.message };
}

/** The campaign people are answering now: the latest with the window open, else the latest. */
export function currentCampaign(campaigns: CampaignRecord[]): CampaignRecord | undefined {
  return campaigns.find((campaign) => campaign.windowState === 'OPEN') ?? campaigns[0];
}

/**
 * The campaign a page shows: `initially` picks it from the campaigns (the latest, or the current
 * one) until the coordinator chooses another. Empty code while the campaigns load.
 */
export function useCampaignChoice(initially: (campaigns: CampaignRecord[]) => CampaignRecord | undefined) {
  const { campaigns, error } = useCampaigns();
  const [chosen, choose] = useState<string>();
  const campaignCode = chosen ?? (campaigns && initially(campaigns)?.code) ?? '';
  const campaign = campaigns?.find((candidate) => candidate.code === campaignCode);
  return { campaigns, error, campaignCode, campaign, choose };
}
