// Errors of changing a campaign's questionnaire from the console.
import { DomainError } from './errors.ts';

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
