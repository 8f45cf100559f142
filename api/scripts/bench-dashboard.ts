// npm run bench:dashboard [-- --per-region 10,1000,10000 --runs 20]   (or --respondents N: N in all)
// Times the coordinators' dashboard on a synthetic campaign at growing sizes in one run: respondents
// spread over the 89 regions with links, random statuses and section completions (50% in progress,
// 35% submitted, 15% not started), written by bulk statements so the database triggers keep the
// dashboard's tallies as they would for saves. Each size also times the aggregate of every response
// the dashboard computed before the tallies (one SQL query), and the end prints the cost of the
// largest size over the smallest. Runs on an in-memory PGlite, or on a fresh database of the
// PostgreSQL server named by BENCH_DATABASE_URL (created and dropped here).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrapDatabase } from '../src/bootstrap.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { type CampaignDashboard, campaignDashboard } from '../src/services/dashboard.ts';

const { values } = parseArgs({
  options: { 'per-region': { type: 'string' }, respondents: { type: 'string' }, runs: { type: 'string', default: '20' } },
});
const REGIONS = 89;
const sizes = values['per-region']
  ? values['per-region'].split(',').map((n) => Number(n) * REGIONS)
  : values.respondents
    ? [Number(values.respondents)]
    : [10, 1_000, 10_000].map((n) => n * REGIONS);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench:dashboard -- [--per-region 10,1000,10000 | --respondents N] [--runs 20]');
  process.exit(2);
}
sizes.sort((a, b) => a - b);

/** The dashboard's per-region figures from every response, as campaignDashboard computed them before the tallies. */
const FULL_AGGREGATE = `
  WITH per_region AS (
    SELECT r."regionId", count(*) AS responses, count(*) FILTER (WHERE r.status = 'DRAFT') AS in_progress,
           count(*) FILTER (WHERE r.status = 'SUBMITTED') AS submitted, avg(r.completion)::float8 AS completion
    FROM "Response" r WHERE r."campaignId" = $1 AND r."regionId" IS NOT NULL GROUP BY r."regionId"),
  per_section AS (
    SELECT r."regionId", s.key, avg(s.value::int)::float8 AS percent
    FROM "Response" r, jsonb_each_text(r."sectionCompletion") s
    WHERE r."campaignId" = $1 AND r."regionId" IS NOT NULL GROUP BY r."regionId", s.key)
  SELECT g.id, p.responses, p.in_progress, p.submitted, p.completion,
         (SELECT jsonb_object_agg(ps.key, ps.percent) FROM per_section ps WHERE ps."regionId" = g.id) AS sections,
         (SELECT count(DISTINCT "userId") FROM "LoginLink" WHERE "campaignId" = $1) AS registered
  FROM "Region" g LEFT JOIN per_region p ON p."regionId" = g.id ORDER BY g.position`;

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

/** Adds respondents number from+1 … to: users, links and (for 85%) responses, in chunks of bulk statements. */
async function seed(campaignId: number, from: number, to: number) {
  const CHUNK = 50_000;
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`
        INSERT INTO "User" (id, email, role) SELECT 'bench-' || i, 'bench' || i || '@example.org', 'RESPONDENT'
        FROM generate_series(${start + 1}, ${end}) i`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256")
        SELECT 'bench-link-' || i, 'bench-' || i, ${campaignId}, md5('bench-' || i) FROM generate_series(${start + 1}, ${end}) i`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "Response" ("campaignId", "respondentId", status, "regionId", completion, "sectionCompletion", "updatedAt")
        SELECT ${campaignId}, 'bench-' || i,
               (CASE WHEN x.r < 0.35 THEN 'SUBMITTED' ELSE 'DRAFT' END)::"ResponseStatus",
               g.ids[1 + i % ${REGIONS}],
               CASE WHEN x.r < 0.35 THEN 100 ELSE floor(x.r * 99)::int END,
               jsonb_build_object('authority', CASE WHEN x.r < 0.8 THEN 100 ELSE 60 END, 'situation', floor(x.r * 100)::int,
                                  'measures', CASE WHEN x.r < 0.5 THEN 100 ELSE 0 END, 'development', CASE WHEN x.r < 0.35 THEN 100 ELSE 0 END),
               now()
        FROM generate_series(${start + 1}, ${end}) i
        CROSS JOIN (SELECT array_agg(id ORDER BY position) AS ids FROM "Region") g
        CROSS JOIN LATERAL (SELECT random() + 0 * i AS r) x
        WHERE x.r < 0.85`);
    });
  }
  await db.prisma.$executeRawUnsafe('ANALYZE');
}

function quantiles(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

async function time<T>(run: () => Promise<T>): Promise<{ timings: number[]; last: T }> {
  const timings: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    last = await run();
    if (i >= 2) timings.push(performance.now() - started); // two warm-up runs
  }
  return { timings, last: last! };
}

const ms = (value: number) => value.toFixed(1).padStart(8);

try {
  await bootstrapDatabase(db);
  const campaign = await db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  console.log(`${db.kind} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(`${runs} timed runs per size after 2 warm-up runs; times in ms\n`);
  console.log('per region  respondents  seeded in │ dashboard: median      p95      min │ full aggregate (before): median      p95');
  const rows: { size: number; median: number; p95: number }[] = [];
  let seeded = 0;
  for (const size of sizes) {
    const started = Date.now();
    await seed(campaign.id, seeded, size);
    seeded = size;
    const seedMs = Date.now() - started;
    const dashboard = await time(() => campaignDashboard(db.prisma, 'nok-2021'));
    const full = await time(() => db.prisma.$queryRawUnsafe(FULL_AGGREGATE, campaign.id));
    const d = quantiles(dashboard.timings);
    const f = quantiles(full.timings);
    const last: CampaignDashboard = dashboard.last;
    if (last.registered !== size) throw new Error(`the dashboard counts ${last.registered} registered of ${size}`);
    rows.push({ size, median: d.median, p95: d.p95 });
    console.log(
      `${String(Math.round(size / REGIONS)).padStart(10)}  ${String(size).padStart(11)}  ${String(seedMs).padStart(7)} ms │` +
        `           ${ms(d.median)} ${ms(d.p95)} ${ms(d.min)} │                          ${ms(f.median)} ${ms(f.p95)}`,
    );
  }
  const smallest = rows[0]!;
  const largest = rows.at(-1)!;
  if (rows.length > 1) {
    console.log(
      `\n${Math.round(largest.size / REGIONS)} per region costs ${(largest.median / smallest.median).toFixed(2)}× what ${Math.round(smallest.size / REGIONS)} per region costs (median); p95 at ${Math.round(largest.size / REGIONS)} per region: ${largest.p95.toFixed(1)} ms`,
    );
  }
} finally {
  await db.close();
  await dropAfter?.();
}
