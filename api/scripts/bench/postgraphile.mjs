// The baseline of npm run bench's nested read: PostGraphile v4 run as a library on the same
// database (DATABASE_URL), read-only, on plain node:http. PORT and HOST from the environment.
//
// PostGraphile 4 needs graphql 15; the product uses 16, so npm installs 15 twice, under postgraphile
// and under graphile-build-pg, and the two copies refuse each other's types. This process makes
// every `graphql` import resolve to postgraphile's copy.
import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const graphqlHome = path.join(path.dirname(require.resolve('postgraphile/package.json')), 'node_modules');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (request === 'graphql' || request.startsWith('graphql/')) return resolve.call(this, request, parent, isMain, { paths: [graphqlHome] });
  return resolve.call(this, request, parent, isMain, options);
};
const { postgraphile } = require('postgraphile');

const middleware = postgraphile(process.env.DATABASE_URL, 'public', {
  disableDefaultMutations: true,
  graphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  retryOnInitFail: false,
});
createServer(middleware).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
