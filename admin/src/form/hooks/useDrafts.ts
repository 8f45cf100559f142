// The edits are kept as a local draft while the person types (lib/draft.ts), so a closed tab, a
// crash or a failed save loses nothing; a draft that differs from the stored answers is offered back.
import { useEffect, useRef, useState } from 'preact/hooks';
import { draftKey, draftOffers, forgetDraft, syncDrafts, type Draft, type DraftStorage, type Written } from '../lib/draft.ts';
import type { Loaded } from '../lib/load.ts';
import type { Campaign, ResponseState } from '../lib/types.ts';
import type { FormValues } from '../lib/values.ts';

const DRAFT_DELAY_MS = 700;

export interface DraftsOptions {
  storage: DraftStorage | null;
  campaignCode: string;
  /** The person's e-mail ('' until loaded): drafts are kept per campaign, person and section. */
  email: string;
  campaign: Campaign | null;
  response: ResponseState | null;
  /** The inputs by section. */
  forms: Record<string, FormValues>;
  /** Nothing is written while the answers can only be looked at. */
  readOnly: boolean;
}

export interface Drafts {
  /** Drafts offered back by section, until restored or discarded. */
  offers: Record<string, Draft | null>;
  /** Offers back the drafts that differ from a response just loaded. */
  offer(loaded: Pick<Loaded, 'campaign' | 'email'>, response: ResponseState): void;
  /** Writes the drafts now, with a new time: the edits were not stored (or are about to be replaced by the stored version). */
  keep(): void;
  /** Removes a section's draft: saved or discarded. */
  drop(sectionCode: string): void;
  /** Removes every draft: the questionnaire is sent. */
  dropAll(): void;
  /** The section's draft is no longer offered (restored or discarded). */
  dismiss(sectionCode: string): void;
}

export function useDrafts({ storage, campaignCode, email, campaign, response, forms, readOnly }: DraftsOptions): Drafts {
  const [offers, setOffers] = useState<Record<string, Draft | null>>({});
  /** What this tab last wrote to each draft key. */
  const written = useRef<Written>({});
  const keysOf = (person: string) => (sectionCode: string) => draftKey(campaignCode, person, sectionCode);

  function write(force: boolean, values = forms) {
    if (!campaign || !response || readOnly) return;
    syncDrafts({
      storage,
      written: written.current,
      keyOf: keysOf(email),
      sections: campaign.sections,
      forms: values,
      offers,
      version: response.version,
      stored: response.answers,
      force,
    });
  }
  const latestWrite = useRef(write);
  latestWrite.current = write;

  // A moment after the person stops typing...
  useEffect(() => {
    const timer = setTimeout(() => latestWrite.current(false, forms), DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [forms]);
  // ...and when the page goes away (the tab closed, another page opened, the phone's browser put away).
  useEffect(() => {
    const flush = () => latestWrite.current(false);
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, []);

  const drop = (sectionCode: string) => forgetDraft(storage, written.current, keysOf(email)(sectionCode));
  return {
    offers,
    offer: (loaded, state) => setOffers(draftOffers(storage, keysOf(loaded.email), loaded.campaign.sections, state)),
    keep: () => write(true),
    drop,
    dropAll() {
      for (const section of campaign?.sections ?? []) drop(section.code);
      setOffers({});
    },
    dismiss: (sectionCode) => setOffers((all) => ({ ...all, [sectionCode]: null })),
  };
}
