// Text the database cannot store is refused where it enters, naming the place (issue 10, fuzz test).
//
// PostgreSQL's text and jsonb cannot hold the character U+0000. A string with it, in any argument of
// any operation (a name, a reason, a code, an answer inside the JSON of a section, a key of that
// JSON), used to reach a statement and fail there: «Внутренняя ошибка» for what is a bad input, and
// after a write had begun. GraphQL hands every value of a request over as variables or as literals
// of the document, so both are checked before anything runs, and the request is refused as
// BAD_USER_INPUT with the path of the value, e.g. «input.answers.respondent_name».
import { GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

const UNSTORABLE = '\u0000';

/** The path of the first string (or object key) in `value` that holds U+0000, or null. */
export function unstorablePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(UNSTORABLE) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = `${path}.${key}`;
    if (key.includes(UNSTORABLE)) return at;
    const found = unstorablePath((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return null;
}

/** The argument path of the first string literal in the document that holds U+0000, or null. */
function unstorableLiteral(document: Parameters<typeof visit>[0]): string | null {
  let found: string | null = null;
  const names: string[] = [];
  const walk = (node: ValueNode, path: string) => {
    if (found) return;
    if (node.kind === Kind.STRING && node.value.includes(UNSTORABLE)) found = path;
    else if (node.kind === Kind.LIST) {
      for (const [index, item] of node.values.entries()) walk(item, `${path}[${index}]`);
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) walk(field.value, `${path}.${field.name.value}`);
    }
  };
  visit(document, {
    [Kind.FIELD]: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    [Kind.ARGUMENT]: { enter: (node) => walk(node.value, `${names.at(-1)}(${node.name.value})`) },
  });
  return found;
}

const refusal = (path: string) =>
  new GraphQLError(`${path}: текст содержит недопустимый символ (U+0000). Удалите его и повторите.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });

/** Refuses an operation whose variables or literals hold text the database cannot store. */
export function storableTextPlugin(): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let path: string | null = null;
      for (const name of Object.keys(variables)) {
        path = unstorablePath(variables[name], name);
        if (path) break;
      }
      path ??= unstorableLiteral(args.document);
      if (path) setResultAndStopExecution({ data: null, errors: [refusal(path)] });
    },
  };
}
