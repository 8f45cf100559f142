// npm run coordinator -- <email> [--name "Full Name"] [--password <at least 12 characters>]
// Creates a coordinator (or resets the password of one) and prints the password to hand over.
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './commandDatabase.ts';
import { createCoordinator } from '../src/services/coordinators.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, password: { type: 'string' } } });
if (!positionals[0]) {
  console.error('Usage: npm run coordinator -- <email> [--name "Full Name"] [--password <12+ characters>]');
  process.exit(2);
}
const { db } = await openCommandDatabase();
try {
  const { email, password } = await createCoordinator(db.prisma, {
    email: positionals[0],
    fullName: values.name,
    password: values.password ?? process.env.COORDINATOR_PASSWORD,
  });
  console.log(`Coordinator ${email} can sign in with the password: ${password}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
