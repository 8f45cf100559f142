// Local drafts: keyed per campaign + e-mail + section, offered back only when they differ from the
// stored answers, robust against broken or missing storage.
import { describe, expect, it } from 'vitest';
import {
  draftKey,
  draftOffers,
  draftToOffer,
  forgetDraft,
  offeredSections,
  readDraft,
  removeDraft,
  syncDrafts,
  writeDraft,
  type DraftStorage,
  type DraftSync,
} from '../../admin/src/form/lib/draft.ts';
import { sectionFormValues } from '../../admin/src/form/lib/values.ts';
import { campaign2021, sectionOf } from './definitions.ts';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const authority = sectionOf(campaign2021, 'authority');
const stored = { respondent_name: 'Иванова Анна Петровна', region: 'RU-ALT' };

describe('draft keys', () => {
  it('differ per campaign, person and section; the e-mail is case-insensitive', () => {
    const key = draftKey('nok-2021', 'Official@Altai.example', 'authority');
    expect(key).toBe(draftKey('nok-2021', 'official@altai.example ', 'authority'));
    expect(key).not.toBe(draftKey('nok-2023', 'official@altai.example', 'authority'));
    expect(key).not.toBe(draftKey('nok-2021', 'other@altai.example', 'authority'));
    expect(key).not.toBe(draftKey('nok-2021', 'official@altai.example', 'situation'));
    expect(key).toContain('nok-2021');
  });

  it('cannot be confused by separators inside the parts', () => {
    expect(draftKey('a|b', 'c', 'd')).not.toBe(draftKey('a', 'b|c', 'd'));
  });
});

describe('writing and reading drafts', () => {
  it('stores the form values with the time and version, and reads them back', () => {
    const storage = memoryStorage();
    const key = draftKey('nok-2021', 'official@altai.example', 'authority');
    const values = { ...sectionFormValues(authority, stored), respondent_position: 'Специалист' };
    expect(writeDraft(storage, key, { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values })).toBe(true);
    expect(readDraft(storage, key)).toEqual({ savedAt: '2021-11-10T09:00:00.000Z', version: 3, values });
    removeDraft(storage, key);
    expect(readDraft(storage, key)).toBeNull();
  });

  it('treats damaged entries and broken storage as "no draft" instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('bad', '{not json');
    expect(readDraft(storage, 'bad')).toBeNull();
    storage.setItem('shape', JSON.stringify({ savedAt: 1, values: [] }));
    expect(readDraft(storage, 'shape')).toBeNull();
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readDraft(broken, 'k')).toBeNull();
    expect(writeDraft(broken, 'k', { savedAt: 'x', version: 0, values: {} })).toBe(false);
    expect(() => removeDraft(broken, 'k')).not.toThrow();
    expect(writeDraft(null, 'k', { savedAt: 'x', version: 0, values: {} })).toBe(false);
  });
});

describe('offering a draft back', () => {
  const key = draftKey('nok-2021', 'official@altai.example', 'authority');

  it('offers a draft that says something other than the stored answers', () => {
    const storage = memoryStorage();
    const values = { ...sectionFormValues(authority, stored), respondent_position: 'Специалист' };
    writeDraft(storage, key, { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values });
    const offer = draftToOffer(storage, key, authority, stored);
    expect(offer?.values.respondent_position).toBe('Специалист');
    expect(storage.data.has(key)).toBe(true);
  });

  it('drops a draft that matches the stored answers (e.g. saved from another tab since)', () => {
    const storage = memoryStorage();
    writeDraft(storage, key, { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values: sectionFormValues(authority, stored) });
    expect(draftToOffer(storage, key, authority, stored)).toBeNull();
    expect(storage.data.has(key)).toBe(false);
  });

  it('offers nothing when there is no draft', () => {
    expect(draftToOffer(memoryStorage(), key, authority, stored)).toBeNull();
  });
});

describe('the drafts offered when the questionnaire is loaded', () => {
  const keyOf = (code: string) => draftKey('nok-2021', 'official@altai.example', code);
  const edited = { ...sectionFormValues(authority, stored), respondent_position: 'Специалист' };

  it('are the sections whose draft differs from the stored answers', () => {
    const storage = memoryStorage();
    writeDraft(storage, keyOf('authority'), { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values: edited });
    const offers = draftOffers(storage, keyOf, campaign2021.sections, { status: 'DRAFT', answers: stored });
    expect(Object.keys(offers)).toEqual(campaign2021.sections.map((section) => section.code));
    expect(offers.authority?.values.respondent_position).toBe('Специалист');
    expect(offers.situation).toBeNull();
    expect([...offeredSections(offers)]).toEqual(['authority']);
  });

  it('are none once the questionnaire is sent', () => {
    const storage = memoryStorage();
    writeDraft(storage, keyOf('authority'), { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values: edited });
    expect(draftOffers(storage, keyOf, campaign2021.sections, { status: 'SUBMITTED', answers: stored })).toEqual({});
  });
});

describe('keeping the drafts in step with the inputs', () => {
  const keyOf = (code: string) => draftKey('nok-2021', 'official@altai.example', code);
  const key = keyOf('authority');
  const edited = { ...sectionFormValues(authority, stored), respondent_position: 'Специалист' };
  const first = () => new Date('2021-11-10T09:00:00.000Z');
  const later = () => new Date('2021-11-10T09:05:00.000Z');
  const sync = (storage: DraftStorage, written: Record<string, string>, changes: Partial<DraftSync> = {}): DraftSync => ({
    storage,
    written,
    keyOf,
    sections: campaign2021.sections,
    forms: { authority: edited },
    offers: {},
    version: 3,
    stored,
    force: false,
    ...changes,
  });

  it('writes a section whose inputs differ from the stored answers, with the time and the version', () => {
    const storage = memoryStorage();
    const written = {};
    syncDrafts(sync(storage, written), first);
    expect(readDraft(storage, key)).toEqual({ savedAt: '2021-11-10T09:00:00.000Z', version: 3, values: edited });
    expect(storage.data.size).toBe(1);
    expect(Object.keys(written)).toEqual([key]);
  });

  it('keeps the time of the last edit for unchanged inputs, unless forced', () => {
    const storage = memoryStorage();
    const written = {};
    syncDrafts(sync(storage, written), first);
    syncDrafts(sync(storage, written), later);
    expect(readDraft(storage, key)?.savedAt).toBe('2021-11-10T09:00:00.000Z');
    syncDrafts(sync(storage, written, { force: true }), later);
    expect(readDraft(storage, key)?.savedAt).toBe('2021-11-10T09:05:00.000Z');
  });

  it('writes unchanged inputs again when their draft was removed (a save in another tab)', () => {
    const storage = memoryStorage();
    const written = {};
    syncDrafts(sync(storage, written), first);
    removeDraft(storage, key);
    syncDrafts(sync(storage, written), later);
    expect(readDraft(storage, key)?.savedAt).toBe('2021-11-10T09:05:00.000Z');
  });

  it('does not overwrite a draft waiting for «Восстановить»', () => {
    const storage = memoryStorage();
    const waiting = { savedAt: '2021-11-01T09:00:00.000Z', version: 1, values: edited };
    writeDraft(storage, key, waiting);
    syncDrafts(
      sync(storage, {}, { forms: { authority: { ...edited, respondent_position: 'Другое' } }, offers: { authority: waiting }, force: true }),
      later,
    );
    expect(readDraft(storage, key)).toEqual(waiting);
  });

  it("removes this tab's draft when its edits were undone, but not another tab's", () => {
    const storage = memoryStorage();
    const written = {};
    syncDrafts(sync(storage, written), first);
    syncDrafts(sync(storage, written, { forms: { authority: sectionFormValues(authority, stored) } }), later);
    expect(storage.data.has(key)).toBe(false);
    expect(written).toEqual({});
    writeDraft(storage, key, { savedAt: '2021-11-10T09:00:00.000Z', version: 3, values: edited });
    syncDrafts(sync(storage, written, { forms: { authority: sectionFormValues(authority, stored) } }), later);
    expect(storage.data.has(key)).toBe(true);
  });

  it('forgets a draft this tab is done with', () => {
    const storage = memoryStorage();
    const written = {};
    syncDrafts(sync(storage, written), first);
    forgetDraft(storage, written, key);
    expect(storage.data.has(key)).toBe(false);
    expect(written).toEqual({});
  });
});
