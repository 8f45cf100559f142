// A bound on how much a query may return to a caller who is not a coordinator (issue 10, finding 8).
//
// graphql-armor's limits (depth, aliases, tokens, cost) count the query's text, not what it returns:
// its cost does not multiply by list sizes, so a query well within them (a page of 100 practices under
// each of 15 aliases, each practice with its form's group and all its forms …) returned 2.4 MB to an
// anonymous caller. What anyone may sign up for or ask without signing in must not make the server
// build and send megabytes. So the data of a query is measured before it is sent, and a result larger
// than the caller's bound is replaced by an error that says to ask for less. Coordinators (the console
// lists, the dashboard, the analytics) are not bounded; mutations return one row and are not measured.
import { GraphQLError, getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';
import { DomainError } from './services/errors.ts';

/**
 * The most characters of JSON the `data` of one query may take, by who asks. A respondent's own
 * questionnaire with every answer at its longest (about 200,000 characters) and the form's first
 * load (the questionnaire, the regions, the measure types: about 60,000) fit under both bounds.
 */
export const RESULT_LIMITS = {
  anonymous: 256 * 1024,
  respondent: 512 * 1024,
} as const;

export const RESULT_TOO_LARGE = 'Ответ слишком велик: запросите меньше полей или страницу поменьше.';

/** A domain error, so error masking shows its message and code whatever order the plugins run in. */
export class ResultTooLargeError extends DomainError {
  readonly code = 'RESULT_TOO_LARGE';
}

function limitFor(context: Context): number | null {
  switch (context.viewer?.role) {
    case 'COORDINATOR':
      return null;
    case 'RESPONDENT':
      return RESULT_LIMITS.respondent;
    default:
      return RESULT_LIMITS.anonymous;
  }
}

/** Replaces a query's result with RESULT_TOO_LARGE when its data is over the caller's bound. */
export function resultLimitsPlugin(): Plugin<Context> {
  return {
    onExecute: ({ args }) => {
      const limit = limitFor(args.contextValue as Context);
      if (limit === null) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      return {
        onExecuteDone: ({ result, setResult }) => {
          if (isAsyncIterable(result) || !result.data) return;
          const size = JSON.stringify(result.data).length;
          if (size <= limit) return;
          const error = new ResultTooLargeError(RESULT_TOO_LARGE);
          setResult({ data: null, errors: [new GraphQLError(error.message, { originalError: error, extensions: { code: error.code } })] });
        },
      };
    },
  };
}
