// Errors that end a use case with a message for a person (in Russian) and a stable code for programs.
// The GraphQL layer exposes each as a typed error; anything else is masked as an internal error.
import type { FieldError } from '../survey/engine.ts';

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

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
