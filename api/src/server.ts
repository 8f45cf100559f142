// `npm start`: opens the database (PGlite under ./data, or DATABASE_URL), brings it up to date and
// serves the GraphQL API.
import { createServer } from 'node:http';
import { bootstrapDatabase } from './bootstrap.ts';
import { databaseConfigFromEnv, openDatabase } from './db/client.ts';
import { createApp } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const production = process.env.NODE_ENV === 'production';

const db = await openDatabase(databaseConfigFromEnv());
const report = await bootstrapDatabase(db);
console.log(`Database: ${db.kind} (${db.location})`);
if (report.migrationsApplied.length) console.log(`  migrations applied: ${report.migrationsApplied.join(', ')}`);
console.log(
  `  reference data: ${report.reference.regions} regions, ${report.reference.spheres} spheres, ${report.reference.measureTypes} measure types`,
);
for (const campaign of report.surveysImported) console.log(`  survey imported: ${campaign}`);
for (const document of report.documentsImported) console.log(`  document imported: ${document}`);

const app = createApp({ prisma: db.prisma, secureCookies: publicUrl.startsWith('https:'), exposeSchema: !production });

const landing = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Мониторинг результатов НОК</title>
<h1>Мониторинг результатов НОК</h1><p>GraphQL API: <a href="/graphql">/graphql</a></p></html>`;

const server = createServer((request, response) => {
  if (request.url === '/' && request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(landing);
    return;
  }
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  app.yoga(request, response);
});

server.listen(port, host, () => {
  console.log(`GraphQL API listening on http://${host}:${port}/graphql${production ? '' : ' (GraphiQL there in a browser)'}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  server.closeAllConnections();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
