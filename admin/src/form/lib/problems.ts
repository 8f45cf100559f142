// What the form does when a request does not succeed: no connection, the session ended, the server
// refused some answers, another tab saved first, the window closed, the questionnaire was sent elsewhere.
import type { MutationResult, Outcome } from './api.ts';
import type { FieldError } from './types.ts';

/** The alert at the top of the section. */
export interface Alert {
  kind: 'conflict' | 'network' | 'unauthenticated' | 'error' | 'info';
  message: string;
}

export const NETWORK_SAVE =
  'Нет связи с сервером. Сведения НЕ сохранены. Введённые данные остались на экране и в черновике на этом компьютере. Проверьте подключение к интернету и нажмите «Сохранить» ещё раз.';
export const CONFLICT =
  'Анкета была изменена в другой вкладке или другим пользователем после того, как вы открыли эту страницу. Ваши изменения НЕ сохранены, но остались на экране и в черновике на этом компьютере. Загрузите сохранённую версию: после загрузки вы сможете восстановить свои изменения из черновика, проверить их и сохранить.';

/** What to do after a save or a submit that did not succeed, in this order. */
export interface Problem {
  /** The edits were not stored: this tab writes them to its local drafts now. */
  keepDrafts?: boolean;
  /** The questionnaire can only be looked at from now on, with this message (window closed, or sent elsewhere). */
  closed?: string;
  /** The answers the server refused, for the error summary. */
  fieldErrors?: FieldError[];
  alert?: Alert;
  /** The stored answers changed elsewhere: load them again. */
  reload?: boolean;
}

/** The problem a save or a submit ended with; null for a result that is none of the known problems. */
export function mutationProblem(outcome: Outcome<unknown>, result: MutationResult | null): Problem | null {
  if (outcome.kind === 'network') return { keepDrafts: true, alert: { kind: 'network', message: NETWORK_SAVE } };
  if (outcome.kind === 'unauthenticated') {
    return {
      keepDrafts: true,
      alert: { kind: 'unauthenticated', message: 'Сеанс работы завершён, сведения не сохранены. Войдите по персональной ссылке из письма.' },
    };
  }
  if (outcome.kind === 'error') return { alert: { kind: 'error', message: `${outcome.message} Сведения не сохранены.` } };
  if (!result) return null;
  switch (result.__typename) {
    case 'ValidationError':
      return { fieldErrors: result.fieldErrors };
    case 'ConflictError':
      return { keepDrafts: true, alert: { kind: 'conflict', message: CONFLICT } };
    case 'WindowClosedError':
      return { keepDrafts: true, closed: result.message, alert: { kind: 'info', message: result.message } };
    case 'AlreadySubmittedError':
      return { closed: result.message, alert: { kind: 'info', message: result.message }, reload: true };
    case 'IncompleteError':
    case 'NotFoundError':
      return { alert: { kind: 'error', message: result.message } };
    default:
      return null;
  }
}

/** The alert when loading the stored version again failed (the person's data stay on screen). */
export function reloadFailure(outcome: Exclude<Outcome<unknown>, { kind: 'ok' }>): Alert {
  return outcome.kind === 'unauthenticated'
    ? { kind: 'unauthenticated', message: 'Сеанс работы завершён. Войдите по персональной ссылке из письма.' }
    : {
        kind: 'network',
        message: 'Не удалось загрузить сохранённую версию: нет связи с сервером. Ваши данные остались на экране. Попробуйте ещё раз.',
      };
}
