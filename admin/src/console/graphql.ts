// A plain JSON POST to /graphql for the console's own operations (sign-in, the dashboard, window
// control); the resources go through ra-data-graphql (dataProvider.ts).

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphQLResult<T>;
  try {
    body = (await response.json()) as GraphQLResult<T>;
  } catch {
    throw new GraphQLRequestError('Сервер недоступен. Попробуйте ещё раз позже.', response.status);
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = first!.extensions?.code;
    // The API's wording for a missing session speaks to respondents; a coordinator signs in again here.
    const message = code === 'UNAUTHENTICATED' ? 'Сеанс завершён. Обновите страницу и войдите снова; действие не выполнено.' : first!.message;
    throw new GraphQLRequestError(message, response.status, code);
  }
  if (!body.data) throw new GraphQLRequestError('Пустой ответ сервера.', response.status);
  return body.data;
}
