import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const require = createRequire(import.meta.url);

// Tests named *.db.test.ts need a database: they run on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL names a server (CI gives it). Every test file gets a database of its own.
const databaseTests = ['test/**/*.db.test.ts'];
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: databaseTests } },
  { extends: true, test: { name: 'pglite', include: databaseTests, env: { TEST_DB_KIND: 'pglite' } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true, test: { name: 'postgresql', include: databaseTests, env: { TEST_DB_KIND: 'postgresql' } } });
}

export default defineConfig({
  // One copy of graphql: Node loads its CommonJS build for the libraries, so tests must too
  // (graphql refuses types "from another module or realm").
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    projects,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
