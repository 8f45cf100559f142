// Brings a database up to date on start: migrations, reference data, and — on first start only —
// the shipped survey definitions and source documents (later edits by coordinators are kept). A
// shipped survey already stored gets only what its file adds without touching answers: new optional
// questions and «уточните» links (import/survey.ts, shippedAdditions).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './db/client.ts';
import { applyMigrations, prismaDir } from './db/migrations.ts';
import { importPlanFile } from './import/plan.ts';
import { importPracticesFile } from './import/practices.ts';
import { importProtocolFile } from './import/protocol.ts';
import { extendRecurringOccurrences } from './services/protocolSchedule.ts';
import { importShippedAdditions, importSurveyFile } from './import/survey.ts';
import { seedReferenceData, type ReferenceCounts } from './reference/seed.ts';

export const surveysDir = path.join(prismaDir, 'surveys');
export const seedDocumentsDir = path.join(prismaDir, 'seeds');

export interface BootstrapReport {
  migrationsApplied: string[];
  reference: ReferenceCounts;
  surveysImported: string[];
  /** Shipped surveys stored before that got their file's additions: «nok-2023: operator_funding_source_other, …». */
  surveysUpdated: string[];
  documentsImported: string[];
}

export async function bootstrapDatabase(db: Database): Promise<BootstrapReport> {
  const migrationsApplied = await applyMigrations(db.adapterFactory);
  const reference = await seedReferenceData(db.prisma);
  const surveysImported: string[] = [];
  const surveysUpdated: string[] = [];
  for (const file of (await readdir(surveysDir)).filter((name) => name.endsWith('.json')).sort()) {
    const code = path.basename(file, '.json');
    if (await db.prisma.campaign.findUnique({ where: { code }, select: { id: true } })) {
      const update = await importShippedAdditions(db.prisma, path.join(surveysDir, file));
      if (update) surveysUpdated.push(`${update.campaign}: ${update.added.join(', ')}`);
      continue;
    }
    const report = await importSurveyFile(db.prisma, path.join(surveysDir, file));
    surveysImported.push(report.campaign);
  }
  const documentsImported: string[] = [];
  if ((await db.prisma.plan.count()) === 0) {
    const plan = await importPlanFile(db.prisma, path.join(seedDocumentsDir, 'federal-plan-2016-2018.txt'));
    documentsImported.push(
      `federal plan ${plan.plan.code}: ${plan.indicators} indicators, ${plan.activities} activities, ${plan.subItems} sub-items`,
    );
  }
  if ((await db.prisma.practiceGroup.count()) === 0) {
    const practices = await importPracticesFile(db.prisma, path.join(seedDocumentsDir, 'best-practices.txt'));
    documentsImported.push(`best practices: ${practices.practices} practices in ${practices.forms} forms of implementation`);
  }
  if ((await db.prisma.protocol.count()) === 0) {
    const protocol = await importProtocolFile(db.prisma, path.join(seedDocumentsDir, 'protocol-kbr-2017-06-02-3.txt'), { regionCode: 'RU-KB' });
    documentsImported.push(
      `protocol ${protocol.protocol.region} № ${protocol.protocol.number} of ${protocol.protocol.date}: ${protocol.items} items, ${protocol.deadlines} deadlines, ${protocol.recurringDuties} recurring`,
    );
  } else {
    // Recurring duties' occurrences follow the date (12 months ahead).
    await extendRecurringOccurrences(db.prisma);
  }
  return { migrationsApplied, reference, surveysImported, surveysUpdated, documentsImported };
}
