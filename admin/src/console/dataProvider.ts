// One ra-data-graphql provider for every resource, following ra-data-graphql-simple's naming:
// getList → allX + _allXMeta, getOne → X(id), getMany → allX(filter: { ids }),
// getManyReference → allX(filter: { [target]: id }). The console only reads: writes go through the
// domain mutations (window control, actions.ts).
//
// Introspection: the API answers introspection only to signed-in callers, and the login page
// needs no data, so the schema is introspected at build time instead — build.ts reads
// schema.graphql and injects it as __CONSOLE_SCHEMA__; no introspection query is ever sent.
import type { IntrospectionSchema } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql';
import { buildQuery } from './buildQuery.ts';

declare const __CONSOLE_SCHEMA__: IntrospectionSchema;

export const dataProvider = buildGraphQLProvider({
  clientOptions: { uri: '/graphql', credentials: 'same-origin' },
  introspection: { schema: __CONSOLE_SCHEMA__ },
  buildQuery,
});
