// Text the database cannot store is refused where it enters, naming the place (issue 10, fuzz test).
//
// PostgreSQL's text and jsonb cannot hold the character U+0000, nor a lone UTF-16 surrogate (e.g.
// "\uD800", which JSON variables can carry: it has no UTF-8 form, and the driver either fails or
// stores U+FFFD in its place). A string with either, in any argument of any operation (a name, a
// reason, a code, an answer inside the JSON of a section, a key of that JSON), used to reach a
// statement and fail there («Внутренняя ошибка» for what is a bad input, after a write had begun)
// or be saved altered. GraphQL hands every value of a request over as variables or as literals
// of the document, so both are checked before anything runs, and the request is refused as
// BAD_USER_INPUT with the path of the value, e.g. «input.answers.respondent_name».
import { GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

const NUL = '\u0000';

/** Whether the database can store `text`: no U+0000, no lone surrogate (String.prototype.isWellFormed). */
export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && text.isWellFormed();
}

/**
 * `text` cut to at most `max` code units for a log, which keeps what it is sent: not inside a
 * surrogate pair, and U+0000 or a lone surrogate as U+FFFD (forms bring U+0000 as «%00»).
 */
export function storableCut(text: string, max: number): string {
  const cut = text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return cut.replaceAll(NUL, '\uFFFD').toWellFormed();
}

/** Where text the database cannot store sits: the path of the value (or key), and that text. */
export interface Unstorable {
  path: string;
  text: string;
}

/** The first string (or object key) in `value` that the database cannot store, or null. */
export function unstorableIn(value: unknown, path: string): Unstorable | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { path, text: value };
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableIn(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = `${path}.${key}`;
    if (!isStorableText(key)) return { path: at, text: key };
    const found = unstorableIn((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return null;
}

/** The argument path of the first string literal in the document the database cannot store, or null. */
function unstorableLiteral(document: Parameters<typeof visit>[0]): Unstorable | null {
  let found: Unstorable | null = null;
  const names: string[] = [];
  const walk = (node: ValueNode, path: string) => {
    if (found) return;
    if (node.kind === Kind.STRING && !isStorableText(node.value)) found = { path, text: node.value };
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

/** Lone surrogates of a path (an object key may hold one) written as «\\uD800», so the message is text. */
const printable = (path: string) => path.replace(/[\uD800-\uDFFF]/gu, (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase()}`);

/** The typed refusal of the text at `path`: which character it cannot hold, in Russian. */
export function unstorableTextError(path: string, text: string): GraphQLError {
  const what = text.includes(NUL) ? 'U+0000' : 'одиночный суррогат UTF-16';
  return new GraphQLError(`${printable(path)}: текст содержит недопустимый символ (${what}). Удалите его и повторите.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Refuses an operation whose variables or literals hold text the database cannot store. */
export function storableTextPlugin(): Plugin<Context> {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let found: Unstorable | null = null;
      for (const name of Object.keys(variables)) {
        found = unstorableIn(variables[name], name);
        if (found) break;
      }
      found ??= unstorableLiteral(args.document);
      if (found) setResultAndStopExecution({ data: null, errors: [unstorableTextError(found.path, found.text)] });
    },
  };
}
