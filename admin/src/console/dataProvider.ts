// The console's one way to the API: a react-admin data provider. The resources go through
// ra-data-graphql in ra-data-graphql-simple's naming (getList → allX + _allXMeta, getOne → X(id),
// getMany → allX(filter: { ids }), getManyReference → allX(filter: { [target]: id }); buildQuery.ts
// builds the queries); the console's own operations (operations.ts) are custom methods of the same
// provider, sent through the same Apollo client. Components call them with useDataProvider — reads
// in react-query's useQuery (hooks.ts) — so an ended session signs out, loading and caching work
// the same for every screen, and every failure carries a Russian message.
//
// Introspection: the API answers introspection only to signed-in callers, and the login page
// needs no data, so the schema is introspected at build time instead — build.ts reads
// schema.graphql and injects it as __CONSOLE_SCHEMA__; no introspection query is ever sent.
import { parse, type DocumentNode, type GraphQLFormattedError, type IntrospectionSchema, type OperationDefinitionNode } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql';
import { type DataProvider, HttpError } from 'react-admin';
import { buildQuery } from './buildQuery.ts';
import {
  type AuthorityChange,
  type AnalyticsPublication,
  type CampaignAnalytics,
  type CampaignDashboard,
  type CampaignWindow,
  type CampaignWindowInput,
  documents,
  type ExtendRegionWindowInput,
  type ImportPlan,
  type ImportResult,
  type IssuedPortalToken,
  type IssuePortalTokenInput,
  type MeasureSummary,
  type Outcome,
  outcomeOf,
  type PortalOperationsResult,
  type PracticeGroup,
  type Questionnaire,
  type QuestionTextsInput,
  type RegionExtension,
  type ReminderAudience,
  type ReminderPreview,
  type Target,
  type TaskReminderInput,
  type TaskReminderMail,
  type TaskReportInput,
  type TaxonomyGroup,
  type UnionResult,
  type Viewer,
  type WindowChange,
} from './operations.ts';

declare const __CONSOLE_SCHEMA__: IntrospectionSchema;

/** The API's wording for a missing session speaks to respondents; a coordinator signs in again here. */
export const SESSION_ENDED = 'Сеанс завершён. Обновите страницу и войдите снова; действие не выполнено.';
const UNREACHABLE = 'Сервер недоступен. Попробуйте ещё раз позже.';

const graphqlProvider = buildGraphQLProvider({
  clientOptions: { uri: '/graphql', credentials: 'same-origin' },
  introspection: { schema: __CONSOLE_SCHEMA__ },
  buildQuery,
});

/** What Apollo throws: the GraphQL errors of a 200, or the network's (with the body of a 401). */
interface ApolloFailure {
  message?: string;
  graphQLErrors?: readonly GraphQLFormattedError[];
  networkError?: { statusCode?: number; result?: { errors?: GraphQLFormattedError[] } | string } | null;
}

/**
 * Every failure as react-admin's HttpError with a Russian message: an ended session (401, which
 * authProvider.checkError turns into signing out), an unreachable server, or the API's own message.
 */
export function consoleError(failure: unknown): HttpError {
  if (failure instanceof HttpError) {
    // Resources: ra-data-graphql has already made one (the body keeps a refused form's field errors).
    if (failure.status === 401) return new HttpError(SESSION_ENDED, 401, failure.body);
    if (failure.status === undefined) return new HttpError(UNREACHABLE, 0, failure.body);
    return failure;
  }
  const apollo = (failure ?? {}) as ApolloFailure;
  const body = apollo.networkError?.result;
  const errors = apollo.graphQLErrors?.length ? apollo.graphQLErrors : typeof body === 'object' ? (body.errors ?? []) : [];
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  const status = apollo.networkError ? apollo.networkError.statusCode : 200;
  if (code === 'UNAUTHENTICATED' || status === 401) return new HttpError(SESSION_ENDED, 401, { code: 'UNAUTHENTICATED' });
  if (first) return new HttpError(first.message, status ?? 200, { code });
  if (apollo.networkError) return new HttpError(UNREACHABLE, status ?? 0);
  return new HttpError(apollo.message || 'Пустой ответ сервера.', 200);
}

const parsed = new Map<string, DocumentNode>();

/** Sends one of operations.ts's documents through the resources' Apollo client; no cache. */
async function request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  let query = parsed.get(document);
  if (!query) {
    query = parse(document);
    parsed.set(document, query);
  }
  const isMutation = (query.definitions[0] as OperationDefinitionNode).operation === 'mutation';
  try {
    const result = isMutation
      ? await graphqlProvider.client.mutate<T>({ mutation: query, variables, fetchPolicy: 'no-cache' })
      : await graphqlProvider.client.query<T>({ query, variables, fetchPolicy: 'no-cache' });
    if (!result.data) throw new HttpError('Пустой ответ сервера.', 200);
    return result.data;
  } catch (failure) {
    throw consoleError(failure);
  }
}

/** A read that answers with a typed-error union: the refusal is thrown, like any failed read. */
async function readUnion<T>(document: string, variables: Record<string, unknown>, fallback: string): Promise<{ data: T }> {
  const { result } = await request<{ result: UnionResult<T> }>(document, variables);
  const outcome = outcomeOf(result, fallback);
  if (!outcome.ok) throw new HttpError(outcome.message, 200, { fieldErrors: outcome.fieldErrors });
  return { data: outcome.data };
}

/** A coordinator's step: resolves to the API's data or its refusal, and a failed request is a refusal too. */
async function step<T>(document: string, variables: Record<string, unknown>, fallback: string): Promise<Outcome<T>> {
  try {
    const { result } = await request<{ result: UnionResult<T> }>(document, variables);
    return outcomeOf(result, fallback);
  } catch (failure) {
    return { ok: false, message: (failure as Error).message, fieldErrors: [] };
  }
}

const windowDocuments: Record<WindowChange, string> = {
  open: documents.openCampaignWindow,
  close: documents.closeCampaignWindow,
  move: documents.moveCampaignWindow,
};

/**
 * The console's operations. Reads resolve to `{ data }` like react-admin's own methods (and throw
 * when they fail); steps resolve to an Outcome, so a refusal stays in the dialog that asked.
 */
const consoleMethods = {
  async viewer(): Promise<{ data: Viewer | null }> {
    const { viewer } = await request<{ viewer: Viewer | null }>(documents.viewer);
    return { data: viewer };
  },
  signIn(input: { email: string; password: string }): Promise<Outcome<boolean>> {
    return step(documents.signIn, { input }, 'Не удалось войти.');
  },
  async signOut(): Promise<{ data: boolean }> {
    const { signOut } = await request<{ signOut: boolean }>(documents.signOut);
    return { data: signOut };
  },

  async campaignDashboard(campaignCode: string): Promise<{ data: CampaignDashboard }> {
    const { campaignDashboard } = await request<{ campaignDashboard: CampaignDashboard }>(documents.campaignDashboard, { campaignCode });
    return { data: campaignDashboard };
  },
  changeCampaignWindow(change: WindowChange, input: CampaignWindowInput): Promise<Outcome<CampaignWindow>> {
    return step(windowDocuments[change], { input }, 'Действие не выполнено.');
  },
  extendRegionWindow(input: ExtendRegionWindowInput): Promise<Outcome<RegionExtension>> {
    return step(documents.extendRegionWindow, { input }, 'Действие не выполнено.');
  },

  async campaignAnalytics(campaignCode: string): Promise<{ data: CampaignAnalytics | null }> {
    const { campaignAnalytics } = await request<{ campaignAnalytics: CampaignAnalytics | null }>(documents.campaignAnalytics, { campaignCode });
    return { data: campaignAnalytics };
  },
  async publishedAnalytics(campaignCode: string, version?: number): Promise<{ data: AnalyticsPublication | null }> {
    const { publishedAnalytics } = await request<{ publishedAnalytics: (Omit<AnalyticsPublication, 'analytics'> & { figures: unknown }) | null }>(
      documents.publishedAnalytics,
      { campaignCode, version: version ?? null },
    );
    if (!publishedAnalytics) return { data: null };
    // The snapshot as stored (one JSON document): its share methods are the API enum's values in lower case.
    const analytics = JSON.parse(JSON.stringify(publishedAnalytics.figures), (key, value) =>
      key === 'method' && typeof value === 'string' ? value.toUpperCase() : value,
    ) as AnalyticsPublication['analytics'];
    const { figures: _, ...publication } = publishedAnalytics;
    return { data: { ...publication, analytics } };
  },
  publishCampaignAnalytics(campaignCode: string): Promise<Outcome<{ version: number; publishedAt: string }>> {
    return step(documents.publishCampaignAnalytics, { input: { campaignCode } }, 'Не удалось опубликовать аналитику.');
  },
  setCampaignExpectedRegions(campaignCode: string, regionCodes: string[]): Promise<Outcome<{ regionCodes: string[] }>> {
    return step(documents.setCampaignExpectedRegions, { input: { campaignCode, regionCodes } }, 'Список регионов не сохранён.');
  },

  async measureTypeGroups(): Promise<{ data: TaxonomyGroup[] }> {
    const { groups } = await request<{ groups: TaxonomyGroup[] }>(documents.measureTypeGroups);
    return { data: groups };
  },
  measureSummary(campaignCode: string, submittedOnly: boolean): Promise<{ data: MeasureSummary }> {
    return readUnion(documents.measureSummary, { campaignCode, submittedOnly }, 'Не удалось получить сводку.');
  },

  async practiceGroups(): Promise<{ data: PracticeGroup[] }> {
    const { practiceGroups } = await request<{ practiceGroups: PracticeGroup[] }>(documents.practiceGroups);
    return { data: practiceGroups };
  },

  async questionnaire(code: string): Promise<{ data: Questionnaire | null }> {
    const { campaign } = await request<{ campaign: Questionnaire | null }>(documents.questionnaire, { code });
    return { data: campaign };
  },
  previewDefinition(definition: unknown): Promise<Outcome<ImportPlan>> {
    return step(documents.campaignDefinitionPreview, { definition }, 'Определение не проверено.');
  },
  importDefinition(definition: unknown, reason: string): Promise<Outcome<ImportResult>> {
    return step(documents.importCampaignDefinition, { input: { definition, reason: reason || null } }, 'Определение не импортировано.');
  },
  definitionDocument(code: string): Promise<Outcome<unknown>> {
    return step(documents.campaignDefinitionDocument, { code }, 'Определение не найдено.');
  },
  updateQuestionTexts(input: QuestionTextsInput): Promise<Outcome<{ id: string; code: string; help: string | null }>> {
    const options = input.options.map((option) => ({ code: option.code, label: option.label, help: option.help || null }));
    return step(documents.updateQuestionTexts, { input: { ...input, help: input.help || null, options } }, 'Изменения не сохранены.');
  },

  setPlanTargetActual(targetId: string, actual: string | null, reason: string): Promise<Outcome<Target>> {
    return step(documents.setPlanTargetActual, { input: { targetId, actual, reason: reason || null } }, 'Значение не сохранено.');
  },

  updateAuthority(change: AuthorityChange): Promise<Outcome<{ id: string; name: string }>> {
    return step(documents.updateAuthority, { input: { ...change, reason: change.reason || null } }, 'Изменения не сохранены.');
  },

  reopenResponse(responseId: string, reason: string): Promise<Outcome<{ id: string; status: string }>> {
    return step(documents.reopenResponse, { input: { responseId, reason } }, 'Действие не выполнено.');
  },
  revokeRespondent(userId: string, reason: string): Promise<Outcome<{ id: string; disabledAt: string | null }>> {
    return step(documents.revokeRespondent, { input: { userId, reason } }, 'Действие не выполнено.');
  },
  resendLink(userId: string, campaignCode: string): Promise<Outcome<{ id: string; email: string }>> {
    return step(documents.resendLink, { input: { userId, campaignCode } }, 'Ссылка не отправлена.');
  },
  /** One group or several: each person is counted and mailed once. */
  reminderPreview(campaignCode: string, audiences: ReminderAudience[]): Promise<Outcome<ReminderPreview>> {
    return step(documents.reminderPreview, { input: { campaignCode, audiences } }, 'Не удалось подготовить напоминание.');
  },
  sendReminders(campaignCode: string, audiences: ReminderAudience[]): Promise<Outcome<{ queued: number }>> {
    return step(documents.sendReminders, { input: { campaignCode, audiences } }, 'Действие не выполнено.');
  },

  issuePortalToken(input: IssuePortalTokenInput): Promise<Outcome<IssuedPortalToken>> {
    return step(documents.issuePortalToken, { input }, 'Токен не выпущен.');
  },
  rotatePortalToken(id: string, overlapHours: number): Promise<Outcome<IssuedPortalToken>> {
    return step(documents.rotatePortalToken, { input: { id, overlapHours } }, 'Токен не заменён.');
  },
  revokePortalToken(id: string): Promise<Outcome<{ id: string; state: string }>> {
    return step(documents.revokePortalToken, { input: { id } }, 'Токен не отозван.');
  },
  allowPortalOperations(id: string, document: string, replace: boolean): Promise<Outcome<PortalOperationsResult>> {
    return step(documents.allowPortalOperations, { input: { id, document, replace } }, 'Список операций не сохранён.');
  },
  clearPortalOperations(id: string): Promise<Outcome<{ id: string; operationsCount: number }>> {
    return step(documents.clearPortalOperations, { input: { id } }, 'Список операций не очищен.');
  },

  setTaskStatus(occurrenceId: string, status: string, reason: string): Promise<Outcome<{ id: string; status: string }>> {
    return step(documents.setTaskStatus, { input: { occurrenceId, status, reason: reason || null } }, 'Состояние не изменено.');
  },
  reportTaskProgress(input: TaskReportInput): Promise<Outcome<{ id: string; status: string | null }>> {
    return step(documents.reportTaskProgress, { input }, 'Отчёт не сохранён.');
  },
  addOwnerContact(input: { ownerId: string; email: string; name: string | null }): Promise<Outcome<{ id: string; email: string }>> {
    return step(documents.addOwnerContact, { input }, 'Адрес не записан.');
  },
  removeOwnerContact(id: string): Promise<Outcome<{ id: string; email: string }>> {
    return step(documents.removeOwnerContact, { id }, 'Адрес не удалён.');
  },
  matchTaskOwner(ownerId: string, authorityId: string | null): Promise<Outcome<{ id: string; matched: boolean }>> {
    return step(documents.matchTaskOwner, { input: { ownerId, authorityId } }, 'Сопоставление не сохранено.');
  },
  taskReminderPreview(input: TaskReminderInput): Promise<Outcome<{ withinDays: number; mails: TaskReminderMail[] }>> {
    return step(documents.taskReminderPreview, { input }, 'Не удалось подготовить напоминания.');
  },
  sendTaskReminders(input: TaskReminderInput): Promise<Outcome<{ queued: number }>> {
    return step(documents.sendTaskReminders, { input }, 'Напоминания не отправлены.');
  },
};

export type ConsoleMethods = typeof consoleMethods;
export type ConsoleDataProvider = DataProvider & ConsoleMethods;

const failed = (failure: unknown): never => {
  throw consoleError(failure);
};

export const dataProvider: ConsoleDataProvider = {
  getList: (resource, params) => graphqlProvider.getList(resource, params).catch(failed),
  getOne: (resource, params) => graphqlProvider.getOne(resource, params).catch(failed),
  getMany: (resource, params) => graphqlProvider.getMany(resource, params).catch(failed),
  getManyReference: (resource, params) => graphqlProvider.getManyReference(resource, params).catch(failed),
  create: (resource, params) => graphqlProvider.create(resource, params).catch(failed),
  update: (resource, params) => graphqlProvider.update(resource, params).catch(failed),
  updateMany: (resource, params) => graphqlProvider.updateMany(resource, params).catch(failed),
  delete: (resource, params) => graphqlProvider.delete(resource, params).catch(failed),
  deleteMany: (resource, params) => graphqlProvider.deleteMany(resource, params).catch(failed),
  ...consoleMethods,
};
