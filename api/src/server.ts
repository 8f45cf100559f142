// `npm start`: opens the database (PGlite under ./data, or DATABASE_URL), brings it up to date and
// serves the registration pages, the respondent form and the GraphQL API; delivers mail from the
// outbox (SMTP_URL, or .eml files under data/outbox with the login link printed).
import { createServer } from 'node:http';
import { captchaConfigFromEnv } from './auth/captcha.ts';
import { dataDirFromEnv } from './db/client.ts';
import { DatabaseInUseError, declareProcessRole } from './db/folderLock.ts';
import { mailerFromEnv } from './email/mailer.ts';
import { loadAssets } from './http/assets.ts';
import { toNodeListener } from './http/node.ts';
import { createWeb, parseCorsOrigins } from './http/web.ts';
import { openProductDatabase } from './snapshots.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
// GraphiQL, introspection for anyone and "Did you mean …" hints only when a developer asks for them;
// otherwise (NODE_ENV unset, production, anything else) only coordinators may introspect the schema.
const exposeSchema = process.env.NODE_ENV === 'development';
// Stack traces of unexpected errors only with this explicit flag (yoga.ts), never because of NODE_ENV.
const errorDetails = process.env.GRAPHQL_ERROR_DETAILS === '1';

// The assets are read (or built, after a change to their sources) while the database opens.
const assets = loadAssets();
declareProcessRole('server');
const { db, report, fromSnapshot } = await openProductDatabase().catch((error: unknown) => {
  // Another server (or a command) has the embedded database open: say so and stop.
  if (error instanceof DatabaseInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
console.log(`Database: ${db.kind} (${db.location})${fromSnapshot ? ', new: a copy of the database prepared by npm install' : ''}`);
if (report.migrationsApplied.length) console.log(`  migrations applied: ${report.migrationsApplied.join(', ')}`);
console.log(
  `  reference data: ${report.reference.regions} regions, ${report.reference.spheres} spheres, ${report.reference.measureTypes} measure types`,
);
for (const campaign of report.surveysImported) console.log(`  survey imported: ${campaign}`);
for (const update of report.surveysUpdated) console.log(`  survey updated: ${update}`);
for (const document of report.documentsImported) console.log(`  document imported: ${document}`);

const mailer = mailerFromEnv(dataDirFromEnv());
const web = createWeb({
  prisma: db.prisma,
  mailer,
  publicUrl,
  exposeSchema,
  captcha: captchaConfigFromEnv(),
  trustProxy: process.env.TRUST_PROXY === '1',
  corsOrigins: parseCorsOrigins(process.env.CORS_ORIGINS),
});
await assets;
console.log(`Mail: ${mailer.description}`);
if (errorDetails) console.log('GRAPHQL_ERROR_DETAILS=1: unexpected errors are answered with their message and stack; never set it in production');

const server = createServer(toNodeListener(web, publicUrl));
server.listen(port, host, () => {
  console.log(`Registration: ${publicUrl}/`);
  console.log(`Console:      ${publicUrl}/admin/ (create an account: npm run coordinator -- <email>)`);
  console.log(`GraphQL API:  ${publicUrl}/graphql${exposeSchema ? ' (GraphiQL there in a browser)' : ''}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  server.closeAllConnections();
  await web.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
