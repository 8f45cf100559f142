// Importing the best-practice catalogue (seed 003) into a database: what lands in the tables matches the
// parse, a second import adds nothing, and refused input leaves the database as it was.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import {
  importPractices,
  importPracticesFile,
  parsePracticeTable,
  PracticeDocumentError,
  sha256,
  type ParsedPractice,
} from '../../api/src/import/practices.ts';
import { createRegionMatcher } from '../../api/src/reference/regionLookup.ts';
import { regions } from '../../api/src/reference/regions.ts';
import { seedReferenceData } from '../../api/src/reference/seed.ts';
import { createTestDatabase } from '../helpers/db.ts';

const seedPath = fileURLToPath(new URL('../../prisma/seeds/best-practices.txt', import.meta.url));

let db: Database;
let dir: string;
let text: string;
let parsed: ParsedPractice[];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  dir = await mkdtemp(join(tmpdir(), 'practices-import-'));
  text = await readFile(seedPath, 'utf8');
  parsed = parsePracticeTable(text);
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const regionCode = createRegionMatcher(regions);
const regionNameByCode = new Map(regions.map((r) => [r.code, r.name]));

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function tableCounts() {
  const [groups, forms, practices] = await Promise.all([db.prisma.practiceGroup.count(), db.prisma.practiceForm.count(), db.prisma.practice.count()]);
  return { groups, forms, practices };
}

async function storedPractices() {
  return db.prisma.practice.findMany({
    orderBy: { id: 'asc' },
    include: { form: { include: { group: true } }, region: true, sphere: true },
  });
}

async function writeDocument(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, 'utf8');
  return path;
}

describe('importPractices', () => {
  it('refuses an unknown region, naming the row and the text, and writes nothing', async () => {
    const practices = structuredClone(parsed);
    const victim = practices[120]!;
    victim.regionName = 'Тридевятая область';
    const error = await importPractices(db.prisma, practices, { source: 'test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PracticeDocumentError);
    expect((error as Error).message).toContain(`Строка ${victim.line}: строка таблицы ${victim.row}: неизвестный регион «Тридевятая область»`);
    expect((error as Error).message).toContain(victim.text.slice(0, 30));
    expect(await tableCounts()).toEqual({ groups: 0, forms: 0, practices: 0 });
  });

  it('refuses a malformed document and writes nothing', async () => {
    // The sphere header is gone: the columns cannot be told apart.
    const noHeader = await writeDocument('no-header.txt', text.replace('\tСоц.обслуживание\n', '\tПрочее\n'));
    await expect(importPracticesFile(db.prisma, noHeader)).rejects.toThrow(/не найдена шапка таблицы/);
    // A row with a region nobody knows, deep in the file.
    const badRegion = await writeDocument('bad-region.txt', text.replace('\tОмская область\n', '\tОмская губерния\n'));
    await expect(importPracticesFile(db.prisma, badRegion)).rejects.toThrow(
      /Строка 561: строка таблицы 68: неизвестный регион «Омская губерния» \(практика «В соответствии с Положением/,
    );
    expect(await tableCounts()).toEqual({ groups: 0, forms: 0, practices: 0 });
  });

  it('imports the seed: 2 groups, 25 forms, 162 practices, counts per form, region and sphere as parsed', async () => {
    const report = await importPracticesFile(db.prisma, seedPath);
    expect(report).toMatchObject({ rows: 108, practices: 162, created: 162, unchanged: 0, groups: 2, forms: 25 });
    expect(report.bySphere).toEqual({ health: 36, education: 42, social: 55, culture: 17, sport: 12 });
    expect(report.byForm).toEqual(countBy(parsed, (p) => p.form));
    expect(Object.keys(report.byRegion)).toHaveLength(37);
    expect(report.byRegion['Ханты-Мансийский автономный округ — Югра']).toBe(6);
    expect(report.byRegion['Республика Саха (Якутия)']).toBe(3);
    expect(report.byRegion['Чувашская Республика']).toBe(4);
    expect(report.byRegion['Кемеровская область — Кузбасс']).toBe(1);
    expect(report.byRegion['Волгоградская область']).toBe(20);

    expect(await tableCounts()).toEqual({ groups: 2, forms: 25, practices: 162 });
    const stored = await storedPractices();
    expect(countBy(stored, (p) => p.form.name)).toEqual(countBy(parsed, (p) => p.form));
    expect(countBy(stored, (p) => p.sphere.code)).toEqual(countBy(parsed, (p) => p.sphereCode));
    expect(countBy(stored, (p) => p.region.code)).toEqual(countBy(parsed, (p) => regionCode(p.regionName) ?? `unresolved: ${p.regionName}`));
    expect(countBy(stored, (p) => p.region.name)).toEqual(report.byRegion);
    expect(countBy(stored, (p) => p.form.group.name)).toEqual({ 'Учет результатов НСОК': 117, 'Публичные мероприятия по реализации НСОК': 45 });
    for (const p of stored) expect(p.textSha256).toBe(sha256(p.text));
    expect(stored.every((p) => regionNameByCode.get(p.region.code) === p.region.name)).toBe(true);

    // Every parsed practice is stored once, with its text, form, region and sphere.
    const key = (form: string, regionCodeValue: string, sphere: string, body: string) => `${form}|${regionCodeValue}|${sphere}|${body}`;
    expect(new Set(stored.map((p) => key(p.form.name, p.region.code, p.sphere.code, p.text)))).toEqual(
      new Set(parsed.map((p) => key(p.form, regionCode(p.regionName)!, p.sphereCode, p.text))),
    );
  });

  it('stores groups and forms in document order, and the source of each practice', async () => {
    const groups = await db.prisma.practiceGroup.findMany({ orderBy: { position: 'asc' }, include: { forms: { orderBy: { position: 'asc' } } } });
    expect(groups.map((g) => [g.position, g.name, g.forms.length])).toEqual([
      [0, 'Учет результатов НСОК', 19],
      [1, 'Публичные мероприятия по реализации НСОК', 6],
    ]);
    expect(groups[0]!.forms.map((f) => f.position)).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(groups[0]!.forms[0]!.name).toBe('Разработка и совершенствование региональных стандартов обслуживания населения');
    expect(groups[0]!.forms[18]!.name).toBe('Премирование/ депремирование руководителей, стимулирующие выплаты');
    expect(groups[1]!.forms.map((f) => f.name)).toEqual([
      'Проведение обучающих семинаров по вопросам повышения качества оказания услуг',
      'Организация обмена опытом с лучшими по итогам рейтинга, проведение круглых столов, иных научно-практических мероприятий',
      'Проведение обучающих мероприятий по изучению и развитию эффективных методов оценки качества',
      'Организация "прямой линии" с руководством',
      'Информационно-разъяснительные мероприятия',
      'Тематические публикации, в т.ч. в СМИ',
    ]);

    const first = await db.prisma.practice.findFirstOrThrow({
      where: { source: 'best-practices.txt:16' },
      include: { region: true, sphere: true },
    });
    expect(first.region.code).toBe('RU-CU');
    expect(first.sphere.code).toBe('health');
    expect(first.text.split('\n')).toHaveLength(3);

    // The merged Волгоград cell: one practice per sphere, same text.
    const merged = await db.prisma.practice.findMany({
      where: { source: 'best-practices.txt:201' },
      include: { sphere: true, region: true, form: true },
    });
    expect(merged.map((p) => p.sphere.code).sort()).toEqual(['culture', 'education', 'health', 'social', 'sport']);
    expect(new Set(merged.map((p) => `${p.region.code}|${p.form.name}|${p.textSha256}`)).size).toBe(1);
    expect(merged[0]!.region.code).toBe('RU-VGG');
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await storedPractices();
    const report = await importPracticesFile(db.prisma, seedPath);
    expect(report).toMatchObject({ rows: 108, practices: 162, created: 0, unchanged: 162, groups: 2, forms: 25 });
    expect(await tableCounts()).toEqual({ groups: 2, forms: 25, practices: 162 });
    expect(await storedPractices()).toEqual(before);
  });

  it('adds only the practices whose text changed', async () => {
    const practices = structuredClone(parsed);
    practices[0]!.text += ' (уточнено)';
    const report = await importPractices(db.prisma, practices, { source: 'revision' });
    expect(report).toMatchObject({ practices: 162, created: 1, unchanged: 161 });
    expect(await tableCounts()).toEqual({ groups: 2, forms: 25, practices: 163 });
    const added = await db.prisma.practice.findFirstOrThrow({ where: { source: 'revision:16' } });
    expect(added.text.endsWith(' (уточнено)')).toBe(true);
    expect(added.textSha256).toBe(sha256(practices[0]!.text));
  });
});
