// Every error that ends a use case with a message for a person (in Russian) and a stable code for
// programs. The GraphQL layer exposes each as a typed error (schema/errors.ts); anything else is
// masked as an internal error.
import type { FieldError, FieldErrorCode } from '../survey/engine.ts';

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** A problem with one field of an input; `questionCode` when it is about a question of a questionnaire. */
export const fieldError = (path: string, code: FieldErrorCode, message: string, questionCode: string | null = null): FieldError => ({
  path,
  questionCode,
  code,
  message,
});

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(
    readonly fieldErrors: FieldError[],
    message = fieldErrors.length === 1 ? fieldErrors[0]!.message : `Исправьте ошибки в ответах (${fieldErrors.length}); ничего не сохранено.`,
  ) {
    super(message);
  }
}

export class WindowClosedError extends DomainError {
  readonly code = 'WINDOW_CLOSED';
  constructor(
    message: string,
    readonly opensAt: Date,
    readonly closesAt: Date,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly currentVersion: number) {
    super(
      'Анкета была изменена в другой вкладке или другим пользователем после того, как вы её открыли. Ваши изменения не сохранены: скопируйте их, обновите страницу и внесите снова.',
    );
  }
}

export class AlreadySubmittedError extends DomainError {
  readonly code = 'ALREADY_SUBMITTED';
  constructor() {
    super('Анкета уже отправлена и доступна только для просмотра.');
  }
}

export class IncompleteError extends DomainError {
  readonly code = 'INCOMPLETE';
  constructor(
    readonly missingSections: string[],
    message: string,
  ) {
    super(message);
  }
}

/** The action does not apply to the record as it is now; `reason` says why, for programs. */
export class ActionRefusedError extends DomainError {
  readonly code = 'ACTION_REFUSED';
  constructor(
    readonly reason: 'REASON_REQUIRED' | 'NOT_SUBMITTED' | 'RESPONDENT_DISABLED' | 'CAMPAIGN_REQUIRED' | 'NO_RECIPIENTS',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The questionnaire is frozen: the campaign is no longer a draft, or people have answered it (their
 * answers refer to its question and option codes). `reason` says which, for programs.
 */
export class DefinitionLockedError extends DomainError {
  readonly code = 'DEFINITION_LOCKED';
  constructor(
    readonly reason: 'NOT_DRAFT' | 'HAS_RESPONSES',
    readonly responses: number,
    message: string,
  ) {
    super(message);
  }
}

/** A coordinator's sign-in is refused; the message never says whether the address is known. */
export class SignInRefusedError extends DomainError {
  readonly code = 'SIGN_IN_REFUSED';
}
