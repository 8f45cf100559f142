// The GraphQL HTTP handler. Tests call `app.yoga.fetch(...)` without a network; server.ts listens.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention as csrfPreventionPlugin } from '@graphql-yoga/plugin-csrf-prevention';
import { createLogger, createYoga, maskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import { BREAK, type DocumentNode, getOperationAST, type ExecutionResult, type FieldNode, GraphQLError, visit } from 'graphql';
import { createLucia, type Auth } from './auth/sessions.ts';
import { createContext, type Context } from './context.ts';
import { connectionLimitsFromEnv, databaseUnavailable, type Db, urgently, withDeadline } from './db/client.ts';
import { schema } from './schema/index.ts';
import { DomainError } from './services/errors.ts';
import { resultLimitsPlugin } from './resultLimits.ts';
import { type PortalBudgetOptions, portalBudgetPlugin } from './portalBudget.ts';
import { OPERATION_NOT_ALLOWED, operationNotAllowedMessage, requestedOperationHash } from './services/portalOperations.ts';
import { storableTextPlugin } from './storableText.ts';
import { isPortalWrite } from './services/protocols.ts';

export interface AppOptions {
  prisma: Db;
  /** Behind https in production: Secure, __Host- cookies. */
  secureCookies?: boolean;
  /**
   * GraphiQL, introspection for anyone and "Did you mean …" hints (development only). Without it
   * (the default) only coordinators may introspect, and no error message suggests a name.
   */
  exposeSchema?: boolean;
  /**
   * Unexpected errors carry their original message and stack (`extensions.originalError`) for a
   * developer (default: GRAPHQL_ERROR_DETAILS=1; never because of NODE_ENV). Off, as by default,
   * they read «Внутренняя ошибка сервера…» with no details, for everyone.
   */
  errorDetails?: boolean;
  /** How long a request may wait for the database before it is answered 503 (default REQUEST_TIMEOUT_MS or 30 s). */
  requestTimeoutMs?: number;
  /** Portal tokens' cost budget (portalBudget.ts); tests shorten it or set its clock. */
  portalBudget?: PortalBudgetOptions;
}

/** What the HTTP layer passes along with each request. */
export interface ServerContext {
  clientIp?: string | null;
}

export interface App {
  yoga: ReturnType<typeof createYoga<ServerContext, Context>>;
  auth: Auth;
  prisma: Db;
}

// Envelop names its plugins useX; ours are named xPlugin so nobody (nor the linter) takes them for React hooks.

/** Adds the Set-Cookie values resolvers asked for (e.g. a slid session) to the HTTP response. */
function responseCookiesPlugin(): Plugin<Context> {
  const cookies = new WeakMap<Request, string[]>();
  return {
    onContextBuilding: ({ context }) => {
      return ({ context: built }) => {
        const request = (context as unknown as { request: Request }).request;
        cookies.set(request, (built as unknown as Context).responseCookies);
      };
    },
    onResponse: ({ request, response }) => {
      for (const cookie of cookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}

/** Bounds every database wait of an operation by the request's own deadline (db/client.ts). */
function deadlinePlugin(requestTimeoutMs: number): Plugin<Context> {
  return {
    onExecute: ({ args, executeFn, setExecuteFn }) => {
      const deadline = (args.contextValue as Context).receivedAt + requestTimeoutMs;
      setExecuteFn((executeArgs) => withDeadline(deadline, () => executeFn(executeArgs)));
    },
  };
}

/** How a request is answered when the database cannot serve it now: 503 and when to come back. */
export const RETRY_AFTER_SECONDS = 60;
export const unavailableMessages = {
  busy: 'Сервер перегружен, повторите через минуту.',
  unreachable: 'Сервер временно недоступен, повторите через минуту.',
};

/** Logs a database that cannot serve as one line (under load it would be a stack trace per request). */
function quietAboutUnavailability(logger: YogaLogger): YogaLogger {
  return {
    ...logger,
    error: (...args: unknown[]) => {
      const unavailable = args.length === 1 ? databaseUnavailable(args[0]) : null;
      if (!unavailable) return logger.error(...args);
      const first = String((args[0] as Error).message ?? args[0])
        .trim()
        .split('\n')
        .at(-1);
      logger.warn(`database unavailable (${unavailable.reason}): ${first}`);
    },
  };
}

/** The first introspection field (__schema, __type) a document asks for, once per parsed document. */
const introspectionFields = new WeakMap<DocumentNode, FieldNode | null>();
function introspectionField(document: DocumentNode): FieldNode | null {
  let found = introspectionFields.get(document);
  if (found === undefined) {
    found = null;
    visit(document, {
      Field(node) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
        found = node;
        return BREAK;
      },
    });
    introspectionFields.set(document, found);
  }
  return found;
}

/**
 * Refuses introspection to everyone but coordinators, unless the schema is exposed (the console reads
 * schema.graphql at build time; nobody else needs it). Checked when the operation executes: only then
 * is the caller known (yoga validates before it builds the context).
 */
function introspectionGuardPlugin(exposeSchema: boolean): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const context = args.contextValue as Context;
      // Portals may introspect: their developers build clients from the schema (issue 11).
      if (exposeSchema || context.viewer?.role === 'COORDINATOR' || context.portal) return;
      const field = introspectionField(args.document);
      if (!field) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`${field.name.value}: описание схемы API доступно только координаторам.`, {
            nodes: [field],
            extensions: { code: 'FORBIDDEN' },
          }),
        ],
      });
    },
  };
}

export const PORTAL_READ_ONLY = 'Токен портала даёт доступ только на чтение: изменения не принимаются.';

/**
 * A portal's token reads; it never writes: every mutation is refused to a portal before it runs,
 * whatever its fields declare (signIn and signOut are public or for people, not for machines) —
 * but for the protocol tasks' status and reports (PORTAL_MUTATIONS), which their scope guards.
 */
function portalReadOnlyPlugin(): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      if (!(args.contextValue as Context).portal) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      // The protocol tasks' reports (issue 12) are the one write: only plain root fields among them pass.
      if (isPortalWrite(operation)) return;
      setResultAndStopExecution({
        data: null,
        errors: [new GraphQLError(PORTAL_READ_ONLY, { nodes: [operation], extensions: { code: 'FORBIDDEN' } })],
      });
    },
  };
}

/**
 * Persisted operations (services/portalOperations.ts): a token with a list of approved operations runs
 * only an operation whose normalized text's hash is on it; anything else is refused before it runs or
 * is charged (it comes before the budget).
 */
function portalOperationsPlugin(): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const allowed = (args.contextValue as Context).portal?.allowedOperations;
      if (!allowed?.length) return;
      const hash = requestedOperationHash(args.document, args.operationName);
      if (hash && allowed.includes(hash)) return;
      setResultAndStopExecution({
        data: null,
        errors: [new GraphQLError(operationNotAllowedMessage, { extensions: { code: OPERATION_NOT_ALLOWED } })],
      });
    },
  };
}

const SUGGESTION = /\s*Did you mean [\s\S]*$/;

/** An error's message without graphql-js's "Did you mean …" hint (names of fields, arguments, types, enum values). */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Removes every "Did you mean …" from the errors of a result, unless the schema is exposed: graphql-armor
 * hides the suggested field names, but graphql-js suggests arguments, input fields, types and enum values
 * too (in validation and in the coercion of variables), which would spell out a schema closed to the caller.
 */
function suggestionStripPlugin(exposeSchema: boolean): Plugin<Context> {
  const strip = (result: ExecutionResult): ExecutionResult =>
    result.errors?.some((error) => SUGGESTION.test(error.message)) ? { ...result, errors: result.errors.map(withoutSuggestion) } : result;
  return {
    onResultProcess: ({ result, setResult }) => {
      if (exposeSchema || Symbol.asyncIterator in result) return;
      setResult(Array.isArray(result) ? result.map(strip) : strip(result as ExecutionResult));
    },
  };
}

export function createApp(options: AppOptions): App {
  const auth = createLucia(options.prisma, { secureCookies: options.secureCookies ?? false });
  const exposeSchema = options.exposeSchema ?? false;
  const errorDetails = options.errorDetails ?? process.env.GRAPHQL_ERROR_DETAILS === '1';
  const requestTimeoutMs = options.requestTimeoutMs ?? connectionLimitsFromEnv().requestTimeoutMs;
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: exposeSchema,
    // No CORS here: yoga's default answers any origin, with credentials; web.ts answers the configured
    // origins only (CORS_ORIGINS).
    cors: false,
    landingPage: false,
    batching: false,
    // The web handler reads a request's body whole, refusing one over MAX_BODY_BYTES with 413, before
    // yoga sees it (web.ts); yoga's own limit would stream the body held in memory once more.
    maxRequestBodySize: false,
    // The session check, within the request's deadline too, goes ahead of the transactions waiting
    // for a connection: it is one short statement, and a coordinator closing the window must not wait
    // behind the saves in line before being recognised.
    context: ({ request, clientIp }) => {
      const receivedAt = Date.now();
      return withDeadline(receivedAt + requestTimeoutMs, () =>
        urgently(() => createContext({ prisma: options.prisma, auth }, request, clientIp ?? null, receivedAt)),
      );
    },
    logging: quietAboutUnavailability(createLogger()),
    maskedErrors: {
      // Details of unexpected errors only when asked for explicitly: yoga's default follows NODE_ENV,
      // and a server started with NODE_ENV=development would hand anyone its stack traces.
      isDev: errorDetails,
      // People see domain messages; anything unexpected becomes a generic error with no details.
      maskError: (error, _message) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError) {
          return new GraphQLError(original.message, { extensions: { code: original.code } });
        }
        // The database is overloaded past the request's time, restarting or unreachable: not a bug, and
        // nothing was saved; the person is told to come back, the program when.
        const unavailable = databaseUnavailable(original ?? error);
        if (unavailable) {
          return new GraphQLError(unavailableMessages[unavailable.reason], {
            extensions: {
              code: 'SERVICE_UNAVAILABLE',
              http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
            },
          });
        }
        // Errors raised on purpose (authorisation, bad arguments) already carry a message for people.
        // (Checked by name: graphql can be loaded twice, as ESM and as CommonJS, defeating instanceof.)
        if ((original as Error | undefined)?.name === 'GraphQLError') return error as Error;
        return maskError(error, 'Внутренняя ошибка сервера. Попробуйте ещё раз позже.', errorDetails);
      },
    },
    plugins: [
      csrfPreventionPlugin({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: 8, exposeLimits: false },
        maxAliases: { n: 15, exposeLimits: false },
        maxTokens: { n: 2000, exposeLimits: false },
        maxDirectives: { n: 10, exposeLimits: false },
        costLimit: { maxCost: 5000, exposeLimits: false },
        blockFieldSuggestion: { enabled: !exposeSchema },
      }),
      introspectionGuardPlugin(exposeSchema),
      portalOperationsPlugin(),
      portalBudgetPlugin(schema, requestTimeoutMs, options.portalBudget),
      portalReadOnlyPlugin(),
      suggestionStripPlugin(exposeSchema),
      storableTextPlugin(),
      resultLimitsPlugin(),
      deadlinePlugin(requestTimeoutMs),
      responseCookiesPlugin(),
    ],
  });
  return { yoga, auth, prisma: options.prisma };
}
