// While the questionnaire cannot be filled in only because the survey window is not open (it closed
// while the page was open, or the page was opened before it opened), the form asks the server now
// and then (every 30 s, and whenever the tab comes back into view or the connection returns) whether
// the window is open again, and says so at once: the inputs unlock with the person's unsaved
// answers still in them, no reload needed.
import { useEffect, useRef } from 'preact/hooks';
import { gql, WINDOW } from '../lib/api.ts';
import type { Campaign } from '../lib/types.ts';

const POLL_MS = 30_000;

export type WindowInfo = Pick<Campaign, 'windowState' | 'opensAt' | 'closesAt'>;

export function useWindowReopen(waiting: boolean, campaignCode: string, onOpen: (window: WindowInfo) => void): void {
  const latest = useRef(onOpen);
  latest.current = onOpen;
  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    let asking = false;
    const ask = async () => {
      if (stopped || asking || document.visibilityState === 'hidden') return;
      asking = true;
      const outcome = await gql<{ campaign: WindowInfo | null }>(WINDOW, { code: campaignCode });
      asking = false;
      if (!stopped && outcome.kind === 'ok' && outcome.data.campaign?.windowState === 'OPEN') latest.current(outcome.data.campaign);
    };
    const onVisible = () => void ask();
    const timer = setInterval(onVisible, POLL_MS);
    addEventListener('focus', onVisible);
    addEventListener('online', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      removeEventListener('focus', onVisible);
      removeEventListener('online', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [waiting, campaignCode]);
}
