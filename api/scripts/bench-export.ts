// npx tsx api/scripts/bench-export.ts [-- --respondents 10000]
// Times the XLSX and CSV export of a synthetic nok-2021 campaign (N respondents, each with the five
// answers of section 1, two of section 2 and five measures) on an in-memory PGlite, and samples the
// process's memory while it runs, to show that the streamed export stays flat.
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { bootstrapDatabase } from '../src/bootstrap.ts';
import { openDatabase } from '../src/db/client.ts';
import { campaignByCode } from '../src/services/campaigns.ts';
import { writeCsv, writeWorkbook } from '../src/services/export.ts';

const { values } = parseArgs({ options: { respondents: { type: 'string', default: '10000' } } });
const respondents = Number(values.respondents);

const db = await openDatabase({ kind: 'pglite' });
try {
  await bootstrapDatabase(db);
  const campaign = await campaignByCode(db.prisma, 'nok-2021');
  const seeded = Date.now();
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, role) SELECT gen_random_uuid(), 'bench' || i || '@example.org', 'RESPONDENT' FROM generate_series(1, ${respondents}) i`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Response" ("campaignId", "respondentId", status, "regionId", completion, "sectionCompletion", "updatedAt")
    SELECT ${campaign.id}, u.id, 'SUBMITTED', (SELECT id FROM "Region" ORDER BY position OFFSET (abs(hashtext(u.id::text)) % 89) LIMIT 1), 100, '{}', now()
    FROM "User" u WHERE u.email LIKE 'bench%'`);
  const answers: [string, string, string][] = [
    ['authority', 'respondent_name', '"Иванова Анна Петровна"'],
    ['authority', 'respondent_position', '"Специалист"'],
    ['authority', 'region', '"RU-ALT"'],
    ['authority', 'authority_name', '"Министерство социальной защиты Алтайского края"'],
    ['authority', 'respondent_powers', '["bus_gov_publication", "bus_gov_accuracy"]'],
    ['situation', 'opinion_forms', '["paper_questionnaire", "bus_gov_rating"]'],
    ['situation', 'legislation_changes', '"no_changes_needed"'],
  ];
  for (const [section, code, value] of answers) {
    await db.prisma.$executeRawUnsafe(`
      INSERT INTO "Answer" ("responseId", "sectionCode", "questionCode", value, "updatedAt") SELECT id, '${section}', '${code}', '${value}'::jsonb, now() FROM "Response"`);
  }
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Measure" ("responseId", "questionCode", position, "typeId", title, description, result, year, "updatedAt")
    SELECT r.id, 'measures', p, (SELECT id FROM "MeasureType" ORDER BY position OFFSET (p % 8) LIMIT 1), 'Мероприятие ' || p, 'Описание мероприятия', 'Повышение доступности услуг', 2021, now()
    FROM "Response" r CROSS JOIN generate_series(0, 4) p`);
  console.log(`pglite: seeded ${respondents} respondents with answers and ${respondents * 5} measures in ${Date.now() - seeded} ms`);

  for (const [format, write] of [
    ['xlsx', writeWorkbook],
    ['csv', writeCsv],
  ] as const) {
    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
    const started = performance.now();
    await write(db.prisma, campaign, sink);
    await finished;
    clearInterval(sampler);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `${format}: ${mb(bytes)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s; heap ${mb(baseline.heapUsed)} → peak ${mb(peakHeap)} MB, rss ${mb(baseline.rss)} → peak ${mb(peakRss)} MB`,
    );
  }
} finally {
  await db.close();
}
