// The best-practice catalogue as coordinators keep it: full-text search in Russian, and create /
// update / delete, each audited in the same transaction.
//
// Deleting is soft (deletedAt), and an edit that changes what identifies a practice (form, region,
// sphere, text) keeps the replaced version as a deleted row. The import of seed 003 skips every
// practice whose form, region, sphere and text are already in the table, deleted or not, so a
// re-import neither brings back a deleted practice nor re-adds the original of an edited one.
// A key is given up only when a live practice takes it over (creating or editing a practice into
// the text of a deleted one), and then the live practice holds it, so the invariant stays: every
// practice the catalogue ever held is still recognised by the import.
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { Prisma, type Practice } from '../generated/prisma/client.ts';
import { sha256 } from '../import/practices.ts';
import type { FieldErrorCode } from '../survey/engine.ts';
import { recordAudit, type Actor } from './audit.ts';
import { fieldError, NotFoundError, ValidationError } from './errors.ts';
import { fieldCode, parseInput } from './input.ts';

export const TEXT_MIN = 10;
export const TEXT_MAX = 5000;
/** More words than this in a search are ignored (a search box, not a document). */
const MAX_SEARCH_WORDS = 16;

// ---------------------------------------------------------------------------------------------------
// Full-text search

/**
 * The to_tsquery text for what a person typed: the words (letters and digits only, so no quote or
 * operator of the tsquery syntax can get through) joined with &, the last one a prefix (:*) so a
 * word being typed already matches. PostgreSQL stems each word with the 'russian' configuration,
 * so «премирования руководителей» finds «Премирование руководителя». Null when there is no word.
 */
export function practiceSearchQuery(q: string | null | undefined): string | null {
  const words =
    (q ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_SEARCH_WORDS) ?? [];
  if (words.length === 0) return null;
  return words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ');
}

export interface PracticeFilter {
  q?: string | null;
  regionId?: number | null;
  sphereId?: number | null;
  formId?: number | null;
  groupId?: number | null;
  ids?: number[] | null;
}

/** The Prisma condition for the filters other than q (deleted practices are never listed). */
export function practiceWhere(filter: PracticeFilter | null | undefined): Prisma.PracticeWhereInput {
  return {
    deletedAt: null,
    ...(filter?.regionId != null ? { regionId: filter.regionId } : {}),
    ...(filter?.sphereId != null ? { sphereId: filter.sphereId } : {}),
    ...(filter?.formId != null ? { formId: filter.formId } : {}),
    ...(filter?.groupId != null ? { form: { groupId: filter.groupId } } : {}),
    ...(filter?.ids ? { id: { in: filter.ids } } : {}),
  };
}

/**
 * The ids of the practices matching the search and the filters, most relevant first (ts_rank; the
 * id breaks ties). The match goes through the GIN index on the generated "search" column.
 */
export async function searchPracticeIds(prisma: Db, tsQuery: string, filter: PracticeFilter | null | undefined): Promise<number[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`p."deletedAt" IS NULL`, Prisma.sql`p."search" @@ q.query`];
  if (filter?.regionId != null) conditions.push(Prisma.sql`p."regionId" = ${filter.regionId}`);
  if (filter?.sphereId != null) conditions.push(Prisma.sql`p."sphereId" = ${filter.sphereId}`);
  if (filter?.formId != null) conditions.push(Prisma.sql`p."formId" = ${filter.formId}`);
  if (filter?.groupId != null) conditions.push(Prisma.sql`f."groupId" = ${filter.groupId}`);
  if (filter?.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(Prisma.sql`p."id" IN (${Prisma.join(filter.ids)})`);
  }
  const rows = await prisma.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT p."id"
    FROM "Practice" p
    JOIN "PracticeForm" f ON f."id" = p."formId"
    CROSS JOIN (SELECT to_tsquery('russian', ${tsQuery}) AS query) q
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ts_rank(p."search", q.query) DESC, p."id"
  `);
  return rows.map((row) => Number(row.id));
}

export interface PracticePage {
  skip: number;
  take: number;
  orderBy: object[];
  /** A search lists the most relevant first instead (the caller chose no order). */
  byRelevance: boolean;
}

/** A page of the catalogue, searched and filtered; `query` is what the caller selects (e.g. GraphQL's relations). */
export async function listPractices(prisma: Db, filter: PracticeFilter, page: PracticePage, query: object = {}): Promise<Practice[]> {
  const { skip, take, orderBy } = page;
  const tsQuery = practiceSearchQuery(filter.q);
  if (!tsQuery) return prisma.practice.findMany({ ...query, where: practiceWhere(filter), orderBy, skip, take });
  const ranked = await searchPracticeIds(prisma, tsQuery, filter);
  if (!page.byRelevance) return prisma.practice.findMany({ ...query, where: { id: { in: ranked } }, orderBy, skip, take });
  const pageIds = ranked.slice(skip, skip + take);
  const rows = await prisma.practice.findMany({ ...query, where: { id: { in: pageIds } } });
  const position = new Map(pageIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/** How many practices the search and the filters find. */
export async function countPractices(prisma: Db, filter: PracticeFilter): Promise<number> {
  const tsQuery = practiceSearchQuery(filter.q);
  if (tsQuery) return (await searchPracticeIds(prisma, tsQuery, filter)).length;
  return prisma.practice.count({ where: practiceWhere(filter) });
}

// ---------------------------------------------------------------------------------------------------
// Create / update / delete

const idOf = (what: string) =>
  z.union([z.string(), z.number()], { error: `Выберите ${what} из списка.` }).transform((value, ctx) => {
    const id = Number(value);
    // Ids are PostgreSQL integers: a larger number names no row, and would fail in the statement.
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
      ctx.addIssue({ code: 'custom', message: `Выберите ${what} из списка.`, params: fieldCode('WRONG_TYPE') });
      return z.NEVER;
    }
    return id;
  });

/** Trailing spaces of each line and blank lines at the ends go, as the import does: same text, same hash. */
const normalizeText = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .trim();

const textSchema = z
  .string({ error: 'Введите текст практики.' })
  .transform(normalizeText)
  .superRefine((text, ctx) => {
    const refuse = (code: FieldErrorCode, message: string) => ctx.addIssue({ code: 'custom', message, params: fieldCode(code) });
    if (text.length === 0) refuse('REQUIRED', 'Введите текст практики.');
    else if (text.length < TEXT_MIN) refuse('TOO_SHORT', `Текст практики слишком короткий: не менее ${TEXT_MIN} символов (сейчас ${text.length}).`);
    else if (text.length > TEXT_MAX) refuse('TOO_LONG', `Текст практики слишком длинный: не более ${TEXT_MAX} символов (сейчас ${text.length}).`);
  });

const reasonSchema = z
  .string()
  .nullish()
  .transform((reason) => reason?.trim() || null)
  .pipe(z.string().max(1000, { error: 'Причина не длиннее 1000 символов.' }).nullable());

const createSchema = z.object({
  text: textSchema,
  regionId: idOf('субъект РФ'),
  sphereId: idOf('сферу'),
  formId: idOf('форму реализации'),
});

const updateSchema = z.object({
  id: idOf('практику'),
  text: textSchema.optional(),
  regionId: idOf('субъект РФ').optional(),
  sphereId: idOf('сферу').optional(),
  formId: idOf('форму реализации').optional(),
  reason: reasonSchema,
});

const deleteSchema = z.object({
  id: idOf('практику'),
  reason: z
    .string({ error: 'Укажите причину удаления.' })
    .nullish()
    .transform((reason) => reason?.trim() ?? '')
    .pipe(z.string().min(3, { error: 'Укажите причину удаления (не короче 3 символов).' }).max(1000, { error: 'Причина не длиннее 1000 символов.' })),
});

// What callers may pass: anything of the right shape, nulls included; the schemas decide.
type Loose<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };
export type CreatePracticeInput = Loose<typeof createSchema>;
export type UpdatePracticeInput = Loose<typeof updateSchema> & { id: unknown };
export type DeletePracticeInput = Loose<typeof deleteSchema> & { id: unknown };

// GraphQL passes absent optional fields as null; zod's optional() wants undefined.
const withoutNulls = <T extends object>(input: T): T =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== null || key === 'reason')) as T;

const snapshot = (practice: Practice) => ({
  formId: practice.formId,
  regionId: practice.regionId,
  sphereId: practice.sphereId,
  text: practice.text,
  textSha256: practice.textSha256,
  source: practice.source,
});

// Without the "search" column: Prisma cannot read an Unsupported one, and nobody needs it here.
const columns = {
  id: true,
  formId: true,
  regionId: true,
  sphereId: true,
  text: true,
  textSha256: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

interface Placement {
  formId: number;
  regionId: number;
  sphereId: number;
}

/** Every reference must exist: each missing one is reported on its own field. */
async function checkReferences(tx: Tx, placement: Placement): Promise<void> {
  const [region, sphere, form] = await Promise.all([
    tx.region.findUnique({ where: { id: placement.regionId }, select: { id: true } }),
    tx.sphere.findUnique({ where: { id: placement.sphereId }, select: { id: true } }),
    tx.practiceForm.findUnique({ where: { id: placement.formId }, select: { id: true } }),
  ]);
  const errors = [
    ...(region ? [] : [fieldError('regionId', 'UNKNOWN_REGION', 'Такого субъекта РФ нет в справочнике: выберите субъект из списка.')]),
    ...(sphere ? [] : [fieldError('sphereId', 'UNKNOWN_REFERENCE', 'Такой сферы нет в справочнике: выберите сферу из списка.')]),
    ...(form ? [] : [fieldError('formId', 'UNKNOWN_REFERENCE', 'Такой формы реализации нет в каталоге: выберите форму из списка.')]),
  ];
  if (errors.length > 0) throw new ValidationError(errors);
}

const duplicateError = (twinId: number | null) =>
  new ValidationError([
    fieldError(
      'text',
      'DUPLICATE',
      `Такая практика уже есть в каталоге${twinId ? ` (№ ${twinId})` : ''}: та же форма реализации, субъект РФ, сфера и текст. Измените текст или откройте существующую практику.`,
    ),
  ]);

/**
 * Makes the key (form, region, sphere, text) free for the practice `ownerId` (or a new one): a live
 * practice holding it is a duplicate; a deleted one gives it up (the live practice keeps it known).
 */
async function claimKey(tx: Tx, key: Placement & { textSha256: string }, ownerId: number | null): Promise<void> {
  const holder = await tx.practice.findUnique({ where: { formId_regionId_sphereId_textSha256: key }, select: { id: true, deletedAt: true } });
  if (!holder || holder.id === ownerId) return;
  if (holder.deletedAt === null) throw duplicateError(holder.id);
  await tx.practice.delete({ where: { id: holder.id } });
}

// Two coordinators saving the same practice at once: the unique index decides, the message is the same.
async function refusingDuplicates<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateError(null);
    throw error;
  }
}

export async function createPractice(prisma: Db, actor: Actor, input: CreatePracticeInput): Promise<Practice> {
  const change = parseInput(createSchema, withoutNulls(input));
  return refusingDuplicates(() =>
    prisma.$transaction(async (tx) => {
      await checkReferences(tx, change);
      const key = { formId: change.formId, regionId: change.regionId, sphereId: change.sphereId, textSha256: sha256(change.text) };
      await claimKey(tx, key, null);
      const created = await tx.practice.create({ data: { ...key, text: change.text, source: null }, select: columns });
      await recordAudit(tx, actor, { action: 'practice.create', subjectType: 'Practice', subjectId: created.id, after: snapshot(created) });
      return created as Practice;
    }),
  );
}

const notFound = () => new NotFoundError('Практика не найдена: возможно, её уже удалили. Обновите список.');

export async function updatePractice(prisma: Db, actor: Actor, input: UpdatePracticeInput): Promise<Practice> {
  const change = parseInput(updateSchema, withoutNulls(input));
  return refusingDuplicates(() =>
    prisma.$transaction(async (tx) => {
      const current = await tx.practice.findFirst({ where: { id: change.id, deletedAt: null }, select: columns });
      if (!current) throw notFound();
      const next = {
        formId: change.formId ?? current.formId,
        regionId: change.regionId ?? current.regionId,
        sphereId: change.sphereId ?? current.sphereId,
        text: change.text ?? current.text,
      };
      await checkReferences(tx, next);
      const key = { formId: next.formId, regionId: next.regionId, sphereId: next.sphereId, textSha256: sha256(next.text) };
      const sameKey =
        key.formId === current.formId &&
        key.regionId === current.regionId &&
        key.sphereId === current.sphereId &&
        key.textSha256 === current.textSha256;
      // Nothing to change (e.g. «Сохранить» without edits): no write, no audit row.
      if (sameKey && next.text === current.text) return current as Practice;
      if (!sameKey) await claimKey(tx, key, current.id);
      const updated = await tx.practice.update({ where: { id: current.id }, data: { ...key, text: next.text }, select: columns });
      if (!sameKey) {
        // The replaced version stays known to the import of seed 003 (see the top of this file).
        await tx.practice.create({
          data: { ...snapshot(current), createdAt: current.createdAt, deletedAt: new Date() },
          select: { id: true },
        });
      }
      await recordAudit(tx, actor, {
        action: 'practice.update',
        subjectType: 'Practice',
        subjectId: current.id,
        before: snapshot(current),
        after: snapshot(updated),
        reason: change.reason,
      });
      return updated as Practice;
    }),
  );
}

export async function deletePractice(prisma: Db, actor: Actor, input: DeletePracticeInput): Promise<Practice> {
  const change = parseInput(deleteSchema, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.practice.findFirst({ where: { id: change.id, deletedAt: null }, select: columns });
    if (!current) throw notFound();
    const deleted = await tx.practice.update({ where: { id: current.id }, data: { deletedAt: new Date() }, select: columns });
    await recordAudit(tx, actor, {
      action: 'practice.delete',
      subjectType: 'Practice',
      subjectId: current.id,
      before: snapshot(current),
      after: null,
      reason: change.reason,
    });
    return deleted as Practice;
  });
}
