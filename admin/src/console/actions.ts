// The coordinators' actions on people, questionnaires and reminders (domain mutations, not
// ra-data-graphql). Each returns the API's refusal as a message instead of throwing it.
import { useEffect, useState } from 'react';
import { loadCampaigns, type CampaignSummary } from './dashboard/queries.ts';
import { graphql } from './graphql.ts';

export interface ActionOutcome<T> {
  ok: boolean;
  data?: T;
  message?: string;
}

async function mutate<T>(operation: string, inputType: string, success: string, input: Record<string, unknown>): Promise<ActionOutcome<T>> {
  try {
    const result = await graphql<{ result: any }>(
      `mutation Console${operation[0]!.toUpperCase()}${operation.slice(1)}($input: ${inputType}!) {
        result: ${operation}(input: $input) {
          __typename
          ${success}
          ... on Error { message }
        }
      }`,
      { input },
    );
    const outcome = result.result;
    if (String(outcome.__typename).endsWith('Success')) return { ok: true, data: outcome.data as T };
    return { ok: false, message: outcome.message ?? 'Действие не выполнено.' };
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
}

export function reopenResponse(responseId: string, reason: string) {
  return mutate<{ id: string; status: string }>(
    'reopenResponse',
    'ReopenResponseInput',
    '... on MutationReopenResponseSuccess { data { id status } }',
    { responseId, reason },
  );
}

export function revokeRespondent(userId: string, reason: string) {
  return mutate<{ id: string; disabledAt: string | null }>(
    'revokeRespondent',
    'RevokeRespondentInput',
    '... on MutationRevokeRespondentSuccess { data { id disabledAt } }',
    { userId, reason },
  );
}

export function resendLink(userId: string, campaignCode: string) {
  return mutate<{ id: string; email: string }>('resendLink', 'ResendLinkInput', '... on MutationResendLinkSuccess { data { id email } }', {
    userId,
    campaignCode,
  });
}

export type ReminderAudience = 'NOT_STARTED' | 'IN_PROGRESS_BELOW_100';

export function sendReminders(campaignCode: string, audience: ReminderAudience) {
  return mutate<{ queued: number }>('sendReminders', 'ReminderInput', '... on MutationSendRemindersSuccess { data { queued } }', {
    campaignCode,
    audience,
  });
}

export interface ReminderPreview {
  recipients: number;
  sample: string[];
  subject: string;
  text: string;
}

export async function reminderPreview(campaignCode: string, audience: ReminderAudience): Promise<ActionOutcome<ReminderPreview>> {
  try {
    const { result } = await graphql<{ result: any }>(
      `query ConsoleReminderPreview($input: ReminderInput!) {
        result: reminderPreview(input: $input) {
          __typename
          ... on QueryReminderPreviewSuccess { data { recipients sample subject text } }
          ... on Error { message }
        }
      }`,
      { input: { campaignCode, audience } },
    );
    if (String(result.__typename).endsWith('Success')) return { ok: true, data: result.data };
    return { ok: false, message: result.message ?? 'Не удалось подготовить напоминание.' };
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
}

/** The campaigns, latest first (as the dashboard picks them); undefined while loading. */
export function useCampaigns(): { campaigns?: CampaignSummary[]; error?: string } {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadCampaigns()
      .then(setCampaigns)
      .catch((failure: Error) => setError(failure.message));
  }, []);
  return { campaigns, error };
}

/** The campaign people are answering now: the latest with the window open, else the latest. */
export function currentCampaign(campaigns: CampaignSummary[]): CampaignSummary | undefined {
  return campaigns.find((campaign) => campaign.windowState === 'OPEN') ?? campaigns[0];
}
