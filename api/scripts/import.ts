// npm run import -- <what> <file>
//   survey <definition.json>   a campaign's questionnaire (prisma/surveys/README.md)
//   plan <document.txt>        a federal plan table (like seed 001)
//   practices <document.txt>   a best-practice table (like seed 003)
//   protocol <document.txt> [--region RU-KB]   a regional follow-up protocol (like seed 004)
// Uses the same database as `npm start` (DATA_DIR's PGlite, or DATABASE_URL); stop the server first
// when it runs on PGlite, which one process at a time can open.
import { openCommandDatabase } from './commandDatabase.ts';
import { importPlanFile } from '../src/import/plan.ts';
import { importPracticesFile } from '../src/import/practices.ts';
import { importProtocolFile } from '../src/import/protocol.ts';
import { importSurveyFile } from '../src/import/survey.ts';

const importers = {
  survey: importSurveyFile,
  plan: importPlanFile,
  practices: importPracticesFile,
  protocol: importProtocolFile,
} as const;

const [what, file, ...options] = process.argv.slice(2);
const regionAt = options.indexOf('--region');
const regionCode = regionAt >= 0 ? options[regionAt + 1] : undefined;
if (!what || !file || !(what in importers) || (options.length > 0 && (what !== 'protocol' || !regionCode || options.length !== 2))) {
  console.error('Usage: npm run import -- survey|plan|practices|protocol <file>   (protocol: [--region RU-KB])');
  process.exit(2);
}

const { db } = await openCommandDatabase();
try {
  const report =
    what === 'protocol'
      ? await importProtocolFile(db.prisma, file, { regionCode })
      : await importers[what as keyof typeof importers](db.prisma, file);
  console.log(JSON.stringify(report, null, 2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
