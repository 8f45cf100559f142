// The GraphQL HTTP handler. Tests call `app.yoga.fetch(...)` without a network; server.ts listens.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention as csrfPreventionPlugin } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { GraphQLError, type ValidationContext, type FieldNode } from 'graphql';
import { createLucia, type Auth } from './auth/sessions.ts';
import { createContext, type Context } from './context.ts';
import type { Db } from './db/client.ts';
import { schema } from './schema/index.ts';
import { DomainError } from './services/errors.ts';

export interface AppOptions {
  prisma: Db;
  /** Behind https in production: Secure, __Host- cookies. */
  secureCookies?: boolean;
  /** GraphiQL and introspection for anonymous callers (development only). */
  exposeSchema?: boolean;
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

/** Refuses introspection to callers who are not signed in, unless the schema is exposed. */
function introspectionGuardPlugin(exposeSchema: boolean): Plugin<Context> {
  return {
    onValidate: ({ context, addValidationRule }) => {
      if (exposeSchema || (context as Context).viewer) return;
      addValidationRule((validation: ValidationContext) => ({
        Field(node: FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            validation.reportError(new GraphQLError('Introspection is disabled.', { nodes: [node] }));
          }
        },
      }));
    },
  };
}

export function createApp(options: AppOptions): App {
  const auth = createLucia(options.prisma, { secureCookies: options.secureCookies ?? false });
  const exposeSchema = options.exposeSchema ?? false;
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: exposeSchema,
    landingPage: false,
    batching: false,
    context: ({ request, clientIp }) => createContext({ prisma: options.prisma, auth }, request, clientIp ?? null),
    maskedErrors: {
      // People see domain messages; anything unexpected becomes a generic error with no details.
      maskError: (error, _message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError) {
          return new GraphQLError(original.message, { extensions: { code: original.code } });
        }
        // Errors raised on purpose (authorisation, bad arguments) already carry a message for people.
        // (Checked by name: graphql can be loaded twice, as ESM and as CommonJS, defeating instanceof.)
        if ((original as Error | undefined)?.name === 'GraphQLError') return error as Error;
        return maskError(error, 'Внутренняя ошибка сервера. Попробуйте ещё раз позже.', isDev);
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
      responseCookiesPlugin(),
    ],
  });
  return { yoga, auth, prisma: options.prisma };
}
