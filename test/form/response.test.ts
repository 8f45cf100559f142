// The response as the form holds it: read from the API, whether it can still be edited, and the
// banner over a section.
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../admin/src/form/lib/api.ts';
import { initialCompletion } from '../../admin/src/form/lib/model.ts';
import { isReadOnly, responseOf, sentAt, statusNote, toResponse } from '../../admin/src/form/lib/response.ts';
import type { Campaign } from '../../admin/src/form/lib/types.ts';
import { campaign2021 } from './definitions.ts';

const api: ApiResponse = {
  version: 4,
  status: 'DRAFT',
  submittedAt: null,
  completion: { percent: 45, complete: false, sections: [{ code: 'authority', percent: 100, unlocked: true, complete: true }] },
  answers: [
    { questionCode: 'respondent_name', value: 'Иванова Анна Петровна' },
    { questionCode: 'respondent_powers', value: ['bus_gov', 'other'] },
  ],
};
const open: Campaign = { ...campaign2021, windowState: 'OPEN', opensAt: '2021-11-07T21:00:00.000Z', closesAt: '2021-11-18T21:00:00.000Z' };

describe('the response from the API', () => {
  it('keeps version, status and completion, and the answers by question code', () => {
    expect(toResponse(api)).toEqual({
      version: 4,
      status: 'DRAFT',
      submittedAt: null,
      completion: api.completion,
      answers: { respondent_name: 'Иванова Анна Петровна', respondent_powers: ['bus_gov', 'other'] },
      returnedForRework: null,
    });
    // A questionnaire returned for rework carries the coordinator's reason to the form's banner.
    const returned = { reason: 'Уточните раздел 2', at: '2021-11-12T09:00:00Z' };
    expect(toResponse({ ...api, returnedForRework: returned }).returnedForRework).toEqual(returned);
  });

  it('is an unanswered draft at version 0 before the first save', () => {
    expect(responseOf(null, campaign2021)).toEqual({
      version: 0,
      status: 'DRAFT',
      submittedAt: null,
      completion: initialCompletion(campaign2021),
      answers: {},
    });
    expect(responseOf(api, campaign2021).version).toBe(4);
  });
});

describe('a read-only questionnaire', () => {
  const draft = responseOf(api, open);
  const sent = { ...draft, status: 'SUBMITTED' as const, submittedAt: '2021-11-18T11:05:00Z' };

  it('is one sent, one outside the window, or one whose window closed while the page was open', () => {
    expect(isReadOnly(open, draft, null)).toBe(false);
    expect(isReadOnly(open, sent, null)).toBe(true);
    expect(isReadOnly({ ...open, windowState: 'CLOSED' }, draft, null)).toBe(true);
    expect(isReadOnly({ ...open, windowState: 'NOT_YET_OPEN' }, draft, null)).toBe(true);
    expect(isReadOnly(open, draft, 'Приём ответов завершён.')).toBe(true);
  });

  it('is not said before anything is loaded', () => {
    expect(isReadOnly(null, null, null)).toBe(false);
  });

  it('has a banner that says why', () => {
    expect(statusNote(open, draft, null)).toBeNull();
    expect(statusNote(open, sent, null)).toBe('Анкета отправлена 18 ноября 2021 г. в 14:05 (мск) и доступна только для просмотра.');
    expect(statusNote(open, { ...sent, submittedAt: null }, null)).toBe('Анкета отправлена и доступна только для просмотра.');
    expect(statusNote(open, draft, 'Приём ответов завершён.')).toBe('Приём ответов завершён.');
    expect(statusNote({ ...open, windowState: 'CLOSED' }, draft, null)).toBe(
      'Приём ответов завершён: опрос проводился с 8 по 18 ноября 2021 года. Анкета доступна только для просмотра.',
    );
  });

  it('says when it was sent, in Moscow time', () => {
    expect(sentAt(sent)).toBe(' 18 ноября 2021 г. в 14:05 (мск)');
    expect(sentAt(draft)).toBe('');
  });
});
