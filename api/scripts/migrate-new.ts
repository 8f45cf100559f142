// npm run migrate:new -- <name>: writes a migration for the difference between the committed
// migrations and prisma/schema.prisma.
import { createMigration } from '../src/db/migrations.ts';

const name = process.argv[2];
if (!name) {
  console.error('Usage: npm run migrate:new -- <name>   (lower-case letters, digits and _)');
  process.exit(2);
}
const file = await createMigration(name);
console.log(file ? `Wrote ${file}` : 'schema.prisma matches the migrations: nothing to write.');
