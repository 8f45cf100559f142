// The form's only connection to the server: POST /graphql on the same origin, with the session
// cookie the server set (HttpOnly: the form never sees it). Every outcome is a value, never a throw.

export type Outcome<T> =
  | { kind: 'ok'; data: T }
  /** No valid session: the person has to sign in again with the link from the e-mail. */
  | { kind: 'unauthenticated'; message: string }
  /** The server answered with an error (GraphQL errors, HTTP 5xx). */
  | { kind: 'error'; message: string }
  /** No answer at all: offline, DNS, a dropped or timed-out connection. */
  | { kind: 'network' };

export interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Reads a GraphQL HTTP response body into an outcome. */
export function toOutcome<T>(status: number, body: GraphQLBody | null): Outcome<T> {
  const errors = body?.errors ?? [];
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
    return { kind: 'unauthenticated', message: errors.find((error) => error.extensions?.code === 'UNAUTHENTICATED')!.message };
  }
  if (errors.length) return { kind: 'error', message: errors[0]!.message };
  if (!body || body.data === undefined || body.data === null) {
    return { kind: 'error', message: `Сервер вернул ошибку (код ${status}). Попробуйте ещё раз через несколько минут.` };
  }
  return { kind: 'ok', data: body.data as T };
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Outcome<T>> {
  const doFetch = options.fetch ?? fetch;
  const controller = typeof AbortController === 'undefined' ? null : new AbortController();
  const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs ?? 120_000) : null;
  try {
    const response = await doFetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-yoga-csrf': '1' },
      body: JSON.stringify({ query, variables }),
      signal: controller?.signal,
    });
    let body: GraphQLBody | null = null;
    try {
      body = (await response.json()) as GraphQLBody;
    } catch {
      body = null;
    }
    return toOutcome<T>(response.status, body);
  } catch {
    return { kind: 'network' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

const RESPONSE = `version status submittedAt returnedForRework { reason at } completion { percent complete sections { code percent unlocked complete missing } } answers { questionCode value }`;

export const LOAD = `query FormLoad($code: String!) {
  viewer { email }
  campaign(code: $code) { code title intro opensAt closesAt plannedOpensAt plannedClosesAt windowState submit { confirmLabel buttonLabel thanks }
    sections { code title description unlockAfter questions { code type number label help lead required settings options { code label help } } } }
  myResponse(campaignCode: $code) { ${RESPONSE} }
  allRegions(perPage: 100, sortField: "name", sortOrder: ASC) { code name }
  measureTypeGroups { code name types { code name help } }
}`;

export const RELOAD = `query FormReload($code: String!) {
  campaign(code: $code) { windowState }
  myResponse(campaignCode: $code) { ${RESPONSE} }
}`;

export const WINDOW = `query FormWindow($code: String!) { campaign(code: $code) { windowState opensAt closesAt } }`;

export const SAVE = `mutation FormSave($input: SaveSectionInput!) {
  saveSection(input: $input) {
    __typename
    ... on MutationSaveSectionSuccess { data { ${RESPONSE} } }
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path questionCode code message } }
    ... on ConflictError { currentVersion }
  }
}`;

export const SUBMIT = `mutation FormSubmit($input: SubmitResponseInput!) {
  submitResponse(input: $input) {
    __typename
    ... on MutationSubmitResponseSuccess { data { ${RESPONSE} } }
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path questionCode code message } }
    ... on IncompleteError { missingSections }
  }
}`;

export interface ApiResponse {
  version: number;
  status: 'DRAFT' | 'SUBMITTED';
  submittedAt: string | null;
  /** Returned by a coordinator and not sent again: why and when. */
  returnedForRework?: { reason: string; at: string } | null;
  completion: {
    percent: number;
    complete: boolean;
    sections: { code: string; percent: number; unlocked: boolean; complete: boolean; missing?: string[] }[];
  };
  answers: { questionCode: string; value: unknown }[];
}

export type MutationResult =
  | { __typename: 'MutationSaveSectionSuccess' | 'MutationSubmitResponseSuccess'; data: ApiResponse }
  | {
      __typename: 'ValidationError';
      code: string;
      message: string;
      fieldErrors: { path: string; questionCode: string | null; code: string; message: string }[];
    }
  | { __typename: 'ConflictError'; code: string; message: string; currentVersion: number }
  | { __typename: 'IncompleteError'; code: string; message: string; missingSections: string[] }
  | { __typename: 'WindowClosedError' | 'AlreadySubmittedError' | 'NotFoundError'; code: string; message: string };
