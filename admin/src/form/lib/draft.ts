// Local drafts: what the person typed in a section, kept in localStorage while they type so that a
// closed tab, a crash or a failed save loses nothing. One draft per campaign + e-mail + section
// (several people may share a computer); offered back when it differs from the stored answers,
// removed after a successful save.
import type { Answers, ResponseState, Section } from './types.ts';
import { differsFromStored, type FormValues } from './values.ts';

export interface Draft {
  /** ISO time of the last change. */
  savedAt: string;
  /** The response version the edits were made on. */
  version: number;
  values: FormValues;
}

/** The part of Storage the drafts need (localStorage in the browser, a Map-backed fake in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'nok-form-draft:v1';

export function draftKey(campaignCode: string, email: string, sectionCode: string): string {
  return [PREFIX, campaignCode, email.trim().toLowerCase(), sectionCode].map(encodeURIComponent).join('|');
}

export function readDraft(storage: DraftStorage | null, key: string): Draft | null {
  try {
    const text = storage?.getItem(key);
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<Draft>;
    if (typeof draft.savedAt !== 'string' || !draft.values || typeof draft.values !== 'object' || Array.isArray(draft.values)) return null;
    return { savedAt: draft.savedAt, version: typeof draft.version === 'number' ? draft.version : 0, values: draft.values };
  } catch {
    // Storage disabled (private mode, policy) or a damaged entry: no draft.
    return null;
  }
}

/** Stores a draft; returns false when the browser refuses (quota, disabled storage). */
export function writeDraft(storage: DraftStorage | null, key: string, draft: Draft): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the draft simply stays.
  }
}

/**
 * The draft to offer for a section: one that says something other than the stored answers.
 * A draft that matches them is useless and is removed.
 */
export function draftToOffer(storage: DraftStorage | null, key: string, section: Section, stored: Answers): Draft | null {
  const draft = readDraft(storage, key);
  if (!draft) return null;
  let differs: boolean;
  try {
    differs = differsFromStored(section, draft.values, stored);
  } catch {
    differs = false;
  }
  if (!differs) removeDraft(storage, key);
  return differs ? draft : null;
}

/** The drafts to offer back, by section, for a response just loaded; none once it is sent. */
export function draftOffers(
  storage: DraftStorage | null,
  keyOf: (sectionCode: string) => string,
  sections: readonly Section[],
  response: Pick<ResponseState, 'status' | 'answers'>,
): Record<string, Draft | null> {
  if (response.status === 'SUBMITTED') return {};
  return Object.fromEntries(sections.map((section) => [section.code, draftToOffer(storage, keyOf(section.code), section, response.answers)]));
}

/** The sections with a draft on offer. */
export function offeredSections(offers: Record<string, Draft | null>): Set<string> {
  return new Set(Object.keys(offers).filter((code) => offers[code]));
}

/** What one tab last wrote to each draft key: the values' JSON. */
export type Written = Record<string, string>;

export interface DraftSync {
  storage: DraftStorage | null;
  /** This tab's record, updated as drafts are written and removed. */
  written: Written;
  keyOf(sectionCode: string): string;
  sections: readonly Section[];
  /** The inputs by section (sections never opened have none). */
  forms: Record<string, FormValues>;
  /** Drafts on offer: a draft waiting for «Восстановить» is not overwritten by new typing. */
  offers: Record<string, Draft | null>;
  /** The stored response the edits are made on. */
  version: number;
  stored: Answers;
  /** Writes even unchanged drafts, with a new time (a save has just failed, or the stored answers are about to be loaded again). */
  force: boolean;
}

/**
 * Keeps each section's local draft in step with its inputs: written while they differ from the
 * stored answers (an unchanged section keeps the time of its last edit, as long as its draft is
 * still there — a save in another tab removes it); removed when this tab's edits were undone.
 * Another tab's draft is not this tab's to drop.
 */
export function syncDrafts(sync: DraftSync, now: () => Date = () => new Date()): void {
  for (const section of sync.sections) {
    const values = sync.forms[section.code];
    if (!values || sync.offers[section.code]) continue;
    const key = sync.keyOf(section.code);
    if (differsFromStored(section, values, sync.stored)) {
      const json = JSON.stringify(values);
      if (!sync.force && sync.written[key] === json && readDraft(sync.storage, key)) continue;
      if (writeDraft(sync.storage, key, { savedAt: now().toISOString(), version: sync.version, values })) sync.written[key] = json;
    } else if (key in sync.written) {
      forgetDraft(sync.storage, sync.written, key);
    }
  }
}

/** Removes a draft this tab is done with (saved, discarded, or its edits undone). */
export function forgetDraft(storage: DraftStorage | null, written: Written, key: string): void {
  removeDraft(storage, key);
  delete written[key];
}

/** The browser's localStorage, or null where it is unavailable. */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
