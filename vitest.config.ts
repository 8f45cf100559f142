import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const require = createRequire(import.meta.url);

// Three kinds of test, run as projects (npm run test:unit, test:db, test:e2e; npm test runs all):
//   unit  *.test.ts       no database, no browser;
//   db    *.db.test.ts    a database of the file's own: PGlite, and again on PostgreSQL (project
//                        db-postgresql) when TEST_DATABASE_URL names a server (CI gives it);
//                        *.postgresql.db.test.ts only there (several server processes on one
//                        database, a PostgreSQL restarted: nothing PGlite can do);
//   e2e   *.e2e.test.ts   real Chromium against a listening server, on PGlite.
// test/setup/databases.ts migrates and seeds once per run; each file gets a copy (test/helpers/db.ts).
const databaseTests = 'test/**/*.db.test.ts';
const postgresqlOnlyTests = 'test/**/*.postgresql.db.test.ts';
const browserTests = 'test/**/*.e2e.test.ts';
const databaseSetup = 'test/setup/databases.ts';

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [databaseTests, browserTests] } },
  {
    extends: true,
    test: { name: 'db', include: [databaseTests], exclude: [postgresqlOnlyTests], env: { TEST_DB_KIND: 'pglite' }, globalSetup: [databaseSetup] },
  },
  {
    extends: true,
    test: { name: 'e2e', include: [browserTests], env: { TEST_DB_KIND: 'pglite' }, globalSetup: [databaseSetup, 'test/setup/browser.ts'] },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: 'db-postgresql',
      include: [databaseTests],
      // It diffs in a PGlite of its own whatever the project.
      exclude: ['test/db/schemaDiff.db.test.ts'],
      env: { TEST_DB_KIND: 'postgresql' },
      globalSetup: [databaseSetup],
    },
  });
}

export default defineConfig({
  // One copy of graphql: Node loads its CommonJS build for the libraries, so tests must too
  // (graphql refuses types "from another module or realm").
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    projects,
    // A test file starts from its own database, server and browser, but shares its worker's loaded
    // modules with the files before it (isolate: false): importing the API afresh for every file cost
    // a third of the run. What modules keep (built assets, the schema engine, secrets per database
    // client) is the same for every file.
    isolate: false,
    // Two at least: the files wait on databases and browsers as much as they compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
