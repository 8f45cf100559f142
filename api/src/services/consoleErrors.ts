// Errors of the coordinators' actions that are not about answers (so not a ValidationError).
import { DomainError } from './errors.ts';

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
