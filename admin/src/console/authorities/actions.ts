// updateAuthority as a plain GraphQL POST: the API's refusal comes back as the message to show.
import { graphql } from '../graphql.ts';

export interface AuthorityChange {
  id: string;
  name: string;
  sphereId: string | null;
  reason: string;
}

export async function updateAuthority(change: AuthorityChange): Promise<{ ok: boolean; message?: string }> {
  try {
    const { result } = await graphql<{ result: any }>(
      `mutation ConsoleUpdateAuthority($input: UpdateAuthorityInput!) {
        result: updateAuthority(input: $input) {
          __typename
          ... on MutationUpdateAuthoritySuccess { data { id name } }
          ... on Error { message }
        }
      }`,
      { input: { ...change, reason: change.reason || null } },
    );
    if (String(result.__typename).endsWith('Success')) return { ok: true };
    return { ok: false, message: result.message ?? 'Изменения не сохранены.' };
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
}
