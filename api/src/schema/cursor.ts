// Cursor pagination for portals (issue 11): `first` (1–100, default 20) and `after` (an opaque cursor,
// the `endCursor` of the page before), answered as a connection { nodes, pageInfo { endCursor
// hasNextPage }, totalCount }. A cursor is the base64url of the list's name and the last row's id: the
// lists order by id, so a page never repeats or skips a row while rows are added or removed elsewhere.
// A cursor from another list, a forged or a mangled one is refused as BAD_USER_INPUT naming `after`.
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';

export const MAX_FIRST = 100;
export const DEFAULT_FIRST = 20;

export const PageInfo = builder.objectRef<{ endCursor: string | null; hasNextPage: boolean }>('PageInfo').implement({
  description: 'Where a page of a cursor list ends: pass endCursor as `after` for the next page.',
  fields: (t) => ({
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Null on an empty page.' }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
  }),
});

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export const encodeCursor = (list: string, id: number): string => Buffer.from(`${list}:${id}`, 'utf8').toString('base64url');

/** The id a cursor of `list` names; null for no cursor. */
export function decodeCursor(list: string, cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return null;
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^([a-z]+):(\d{1,10})$/.exec(text);
  const id = match ? Number(match[2]) : Number.NaN;
  if (!match || match[1] !== list || id > 2_147_483_647) {
    throw badInput('after: курсор не распознан — передайте endCursor из pageInfo предыдущей страницы этого же списка без изменений.');
  }
  return id;
}

/** The page size: `first`, 1–100 (default 20). */
export function pageSizeOf(first: number | null | undefined): number {
  const size = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(size) || size < 1 || size > MAX_FIRST) throw badInput(`first: от 1 до ${MAX_FIRST}.`);
  return size;
}

/** A connection from up to `size + 1` rows read after the cursor, in id order. */
export function connectionOf<Row extends { id: number }>(list: string, rows: Row[], size: number, totalCount: number) {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { endCursor: last ? encodeCursor(list, last.id) : null, hasNextPage: rows.length > size } };
}
