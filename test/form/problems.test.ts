// What the form does when a save or a submit does not succeed, and when loading the stored version fails.
import { describe, expect, it } from 'vitest';
import type { MutationResult, Outcome } from '../../admin/src/form/lib/api.ts';
import { CONFLICT, mutationProblem, NETWORK_SAVE, reloadFailure } from '../../admin/src/form/lib/problems.ts';

const ok: Outcome<unknown> = { kind: 'ok', data: {} };
const fieldErrors = [{ path: 'respondent_name', questionCode: 'respondent_name', code: 'REQUIRED', message: 'Заполните поле.' }];

describe('a failed save or submit', () => {
  it('keeps the edits in the local drafts when the server did not answer or the session ended', () => {
    expect(mutationProblem({ kind: 'network' }, null)).toEqual({ keepDrafts: true, alert: { kind: 'network', message: NETWORK_SAVE } });
    expect(mutationProblem({ kind: 'unauthenticated', message: 'x' }, null)).toEqual({
      keepDrafts: true,
      alert: { kind: 'unauthenticated', message: 'Сеанс работы завершён, сведения не сохранены. Войдите по персональной ссылке из письма.' },
    });
  });

  it("shows the server's error, saying nothing was stored", () => {
    expect(mutationProblem({ kind: 'error', message: 'Внутренняя ошибка.' }, null)).toEqual({
      alert: { kind: 'error', message: 'Внутренняя ошибка. Сведения не сохранены.' },
    });
  });

  it('lists the refused answers for the error summary', () => {
    const result: MutationResult = { __typename: 'ValidationError', code: 'VALIDATION', message: 'Заполните поле.', fieldErrors };
    expect(mutationProblem(ok, result)).toEqual({ fieldErrors });
  });

  it('keeps the edits and offers the stored version after a conflict with another tab', () => {
    const result: MutationResult = { __typename: 'ConflictError', code: 'CONFLICT', message: 'Конфликт.', currentVersion: 5 };
    expect(mutationProblem(ok, result)).toEqual({ keepDrafts: true, alert: { kind: 'conflict', message: CONFLICT } });
  });

  it('turns read-only when the window closed, keeping the edits', () => {
    const result: MutationResult = { __typename: 'WindowClosedError', code: 'WINDOW_CLOSED', message: 'Приём ответов завершён.' };
    expect(mutationProblem(ok, result)).toEqual({
      keepDrafts: true,
      closed: 'Приём ответов завершён.',
      alert: { kind: 'info', message: 'Приём ответов завершён.' },
    });
  });

  it('turns read-only and loads the stored answers when the questionnaire was sent elsewhere', () => {
    const result: MutationResult = { __typename: 'AlreadySubmittedError', code: 'ALREADY_SUBMITTED', message: 'Анкета уже отправлена.' };
    expect(mutationProblem(ok, result)).toEqual({
      closed: 'Анкета уже отправлена.',
      alert: { kind: 'info', message: 'Анкета уже отправлена.' },
      reload: true,
    });
  });

  it('shows the message of an incomplete questionnaire or an unknown section', () => {
    const incomplete: MutationResult = {
      __typename: 'IncompleteError',
      code: 'INCOMPLETE',
      message: 'Заполните раздел 2.',
      missingSections: ['situation'],
    };
    expect(mutationProblem(ok, incomplete)).toEqual({ alert: { kind: 'error', message: 'Заполните раздел 2.' } });
    const notFound: MutationResult = { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Раздел не найден.' };
    expect(mutationProblem(ok, notFound)).toEqual({ alert: { kind: 'error', message: 'Раздел не найден.' } });
  });

  it('is no known problem for a success or an empty answer', () => {
    expect(mutationProblem(ok, null)).toBeNull();
    const success = { __typename: 'MutationSaveSectionSuccess', data: {} } as MutationResult;
    expect(mutationProblem(ok, success)).toBeNull();
  });
});

describe('loading the stored version again', () => {
  it('asks to sign in again when the session ended, and says there is no connection otherwise', () => {
    expect(reloadFailure({ kind: 'unauthenticated', message: 'x' })).toEqual({
      kind: 'unauthenticated',
      message: 'Сеанс работы завершён. Войдите по персональной ссылке из письма.',
    });
    expect(reloadFailure({ kind: 'network' }).kind).toBe('network');
    expect(reloadFailure({ kind: 'error', message: 'x' }).message).toMatch(/^Не удалось загрузить сохранённую версию/);
  });
});
