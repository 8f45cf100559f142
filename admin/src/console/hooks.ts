// How screens reach the data: the provider from react-admin's context (useDataProvider wraps it so
// that an ended session signs the coordinator out), its reads in react-query's cache (the one
// react-admin keeps: useRefresh() reloads them too), the campaigns, and the one the console is about.
import { useSyncExternalStore } from 'react';
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

// ---------------------------------------------------------------------------------------------------
// The campaign the console is about: chosen once (the select in the app bar), the same on every page
// (Главная, Респонденты, Анкеты, Аналитика, Напоминания…) and kept across reloads in localStorage.
// Until a coordinator chooses, it is the campaign people are answering now (currentCampaign).

const CHOSEN_CAMPAIGN_KEY = 'nok-console.campaign';
const choiceListeners = new Set<() => void>();

function storedCampaignCode(): string | null {
  try {
    return globalThis.localStorage?.getItem(CHOSEN_CAMPAIGN_KEY) ?? null;
  } catch {
    return null; // storage refused (private mode): the choice lasts until the page is left
  }
}

let chosenCampaignCode: string | null = storedCampaignCode();

/** Makes `code` the console's campaign, on every page and after a reload. */
export function chooseCampaign(code: string): void {
  chosenCampaignCode = code;
  try {
    globalThis.localStorage?.setItem(CHOSEN_CAMPAIGN_KEY, code);
  } catch {
    // kept in memory only
  }
  for (const listener of choiceListeners) listener();
}

function subscribeToChoice(listener: () => void): () => void {
  choiceListeners.add(listener);
  // Another tab of the console chose: follow it.
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== CHOSEN_CAMPAIGN_KEY) return;
    chosenCampaignCode = event.newValue;
    listener();
  };
  globalThis.addEventListener?.('storage', fromOtherTab);
  return () => {
    choiceListeners.delete(listener);
    globalThis.removeEventListener?.('storage', fromOtherTab);
  };
}

/**
 * The console's campaign (see above). Empty code while the campaigns load. A stored code of a
 * campaign that no longer exists falls back to the current one.
 *
 * `_default` is no longer used: every page shows the same campaign, so there is one default.
 */
export function useCampaignChoice(_default?: (campaigns: CampaignRecord[]) => CampaignRecord | undefined) {
  const { campaigns, error } = useCampaigns();
  const stored = useSyncExternalStore(subscribeToChoice, () => chosenCampaignCode);
  const campaign = campaigns ? (campaigns.find((candidate) => candidate.code === stored) ?? currentCampaign(campaigns)) : undefined;
  return { campaigns, error, campaignCode: campaign?.code ?? '', campaign, choose: chooseCampaign };
}
