// Prisma CLI configuration. Only `prisma generate` and `prisma validate` are used: migrations run
// through the WebAssembly schema engine (api/src/db/migrations.ts), which needs no downloaded binary.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
