import { defineConfig } from 'vitest/config';

// Tests named *.db.test.ts need a database: they run on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL names a server (CI gives it). Every test file gets a database of its own.
const databaseTests = ['test/**/*.db.test.ts'];
const projects = [
  { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: databaseTests } },
  { test: { name: 'pglite', include: databaseTests, env: { TEST_DB_KIND: 'pglite' } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ test: { name: 'postgresql', include: databaseTests, env: { TEST_DB_KIND: 'postgresql' } } });
}

export default defineConfig({
  test: {
    projects,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
