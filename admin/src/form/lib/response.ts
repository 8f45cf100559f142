// The person's response as the form holds it, read from the API, and what its state means for the
// page: whether it can still be edited and what the banner over a section says.
import type { ApiResponse } from './api.ts';
import { formatDateTime, windowNotice } from './dates.ts';
import { initialCompletion } from './model.ts';
import type { Campaign, ResponseState } from './types.ts';

export function toResponse(api: ApiResponse): ResponseState {
  return {
    version: api.version,
    status: api.status,
    submittedAt: api.submittedAt,
    returnedForRework: api.returnedForRework ?? null,
    completion: api.completion,
    answers: Object.fromEntries(api.answers.map((answer) => [answer.questionCode, answer.value])),
  };
}

/** The stored response, or the one before the first save (nothing answered) when there is none yet. */
export function responseOf(api: ApiResponse | null, campaign: Campaign): ResponseState {
  return api ? toResponse(api) : { version: 0, status: 'DRAFT', submittedAt: null, completion: initialCompletion(campaign), answers: {} };
}

/** Whether the answers can only be looked at: sent, outside the window, or closed while the page was open. */
export function isReadOnly(campaign: Campaign | null, response: ResponseState | null, closedMessage: string | null): boolean {
  return !!response && (response.status === 'SUBMITTED' || campaign?.windowState !== 'OPEN' || closedMessage !== null);
}

/** What follows «Анкета отправлена»: « 18 ноября 2021 г. в 14:05 (мск)», or nothing when the time is unknown. */
export function sentAt(response: ResponseState): string {
  return response.submittedAt ? ` ${formatDateTime(response.submittedAt)} (мск)` : '';
}

/** The banner over a section: the questionnaire is sent, or the window is not open (or closed while the page was open); null while it can be filled in. */
export function statusNote(campaign: Campaign, response: ResponseState, closedMessage: string | null): string | null {
  return response.status === 'SUBMITTED'
    ? `Анкета отправлена${sentAt(response)} и доступна только для просмотра.`
    : (closedMessage ?? windowNotice(campaign.windowState, campaign.opensAt, campaign.closesAt));
}
