// Local drafts: what the person typed in a section, kept in localStorage while they type so that a
// closed tab, a crash or a failed save loses nothing. One draft per campaign + e-mail + section
// (several people may share a computer); offered back when it differs from the stored answers,
// removed after a successful save.
import type { Answers, Section } from './types.ts';
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

/** The browser's localStorage, or null where it is unavailable. */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
