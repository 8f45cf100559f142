// Local drafts: keyed per campaign + e-mail + section, offered back only when they differ from the
// stored answers, robust against broken or missing storage.
import { describe, expect, it } from 'vitest';
import { draftKey, draftToOffer, readDraft, removeDraft, writeDraft, type DraftStorage } from '../../admin/src/form/lib/draft.ts';
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
