// npm run bench:dashboard [-- --respondents 10000 --runs 20]
// Times the coordinators' dashboard query on a synthetic campaign: N respondents over the 89
// regions with random statuses and section completions. Runs on an in-memory PGlite, or on a fresh
// database of the PostgreSQL server named by BENCH_DATABASE_URL (created and dropped here).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrapDatabase } from '../src/bootstrap.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { type CampaignDashboard, campaignDashboard } from '../src/services/dashboard.ts';

const { values } = parseArgs({ options: { respondents: { type: 'string', default: '10000' }, runs: { type: 'string', default: '20' } } });
const respondents = Number(values.respondents);
const runs = Number(values.runs);

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

let db: Database;
let dropAfter: (() => Promise<void>) | null = null;
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `nok_bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  db = await openDatabase({ kind: 'postgresql', url: url.toString() });
  dropAfter = () => admin(serverUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
} else {
  db = await openDatabase({ kind: 'pglite' });
}

try {
  await bootstrapDatabase(db);
  const campaign = await db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const seeded = Date.now();
  // Users, links and responses in three set-based statements: 55% in progress, 30% submitted, 15% not started.
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, role) SELECT gen_random_uuid(), 'bench' || i || '@example.org', 'RESPONDENT' FROM generate_series(1, ${respondents}) i`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256")
    SELECT gen_random_uuid(), id, ${campaign.id}, md5(id::text) FROM "User" WHERE email LIKE 'bench%'`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Response" ("campaignId", "respondentId", status, "regionId", completion, "sectionCompletion", "updatedAt")
    SELECT ${campaign.id}, u.id,
           (CASE WHEN x.r < 0.35 THEN 'SUBMITTED' ELSE 'DRAFT' END)::"ResponseStatus",
           (SELECT id FROM "Region" ORDER BY position OFFSET (abs(hashtext(u.id::text)) % 89) LIMIT 1),
           CASE WHEN x.r < 0.35 THEN 100 ELSE floor(x.r * 99)::int END,
           jsonb_build_object('authority', CASE WHEN x.r < 0.8 THEN 100 ELSE 60 END, 'situation', floor(x.r * 100)::int,
                              'measures', CASE WHEN x.r < 0.5 THEN 100 ELSE 0 END, 'development', CASE WHEN x.r < 0.35 THEN 100 ELSE 0 END),
           now()
    FROM (SELECT id, row_number() OVER () AS n FROM "User" WHERE email LIKE 'bench%') u
    CROSS JOIN LATERAL (SELECT random() + 0 * u.n AS r) x
    WHERE u.n <= ${Math.round(respondents * 0.85)}`);
  await db.prisma.$executeRawUnsafe('ANALYZE');
  console.log(`${db.kind}: seeded ${respondents} respondents (${await db.prisma.response.count()} responses) in ${Date.now() - seeded} ms`);

  const timings: number[] = [];
  let last: CampaignDashboard | null = null;
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    last = await campaignDashboard(db.prisma, 'nok-2021');
    if (i >= 2) timings.push(performance.now() - started); // two warm-up runs
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(1);
  console.log(
    `dashboard over ${last!.regions.length} regions: registered ${last!.registered}, in progress ${last!.inProgress}, submitted ${last!.submitted}`,
  );
  console.log(`dashboard query, ${runs} runs: median ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${timings[0]!.toFixed(1)} ms`);
} finally {
  await db.close();
  await dropAfter?.();
}
