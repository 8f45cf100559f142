// npm run dataset -- --per-region N [--seed S] [--campaign nok-2021] [--without-answers]
// Fills a campaign with 89 × N synthetic respondents (not started, partial, submitted) with answers
// the survey engine accepts, their measures and authorities (api/src/dataset/generate.ts). Uses the
// database of `npm start` (DATA_DIR or DATABASE_URL; on PGlite stop the server first). Running it
// again with a larger N tops the dataset up; with the same N and seed it adds nothing.
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/dataset/generate.ts';
import { openCommandDatabase } from './commandDatabase.ts';

const { values } = parseArgs({
  options: {
    'per-region': { type: 'string' },
    'without-answers': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    campaign: { type: 'string', default: 'nok-2021' },
  },
});
const perRegion = Number(values['per-region']);
const seed = Number(values.seed);
if (!values['per-region'] || !Number.isInteger(perRegion) || perRegion < 0 || !Number.isInteger(seed) || seed < 0) {
  console.error('Usage: npm run dataset -- --per-region N [--seed S] [--campaign nok-2021] [--without-answers]');
  process.exit(2);
}

const { db } = await openCommandDatabase();
try {
  console.log(`Database: ${db.kind} (${db.location})`);
  const report = await generateDataset(db.prisma, {
    campaignCode: values.campaign!,
    perRegion,
    seed,
    answers: !values['without-answers'],
    log: console.log,
  });
  const { totals, rows } = report;
  console.log(
    `${report.campaignCode}, seed ${report.seed}: ${report.respondents} respondents (${report.added} added in ${(report.ms / 1000).toFixed(1)} s) — ` +
      `not started ${totals.notStarted}, partial ${totals.partial}, submitted ${totals.submitted}; ` +
      `rows added: ${rows.answers} answers, ${rows.measures} measures, ${rows.authorities} authorities`,
  );
  console.log(
    `time (ms): ${Object.entries(report.timings)
      .map(([label, ms]) => `${label} ${ms}`)
      .join(', ')}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
