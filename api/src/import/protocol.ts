// Imports a parsed regional protocol (protocolDocument.ts reads the document) in one transaction.
// Rows are matched by the protocol's region, number and date, items by number, owners by their name
// in the region, occurrences by their item and sequence, so a second import changes nothing and
// keeps every status and report. A change that would drop an occurrence carrying a status or a
// report is refused whole.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { databaseToday, type OccurrenceChanges, syncOccurrences } from '../services/protocolSchedule.ts';
import { asDateColumn, dateOnly, horizonFrom } from '../services/taskSchedule.ts';
import { regions as referenceRegions } from '../reference/regions.ts';
import {
  effectiveOwners,
  flattenItems,
  type ParsedItem,
  type ParsedProtocol,
  parseProtocolDocument,
  ProtocolDocumentError,
} from './protocolDocument.ts';

export interface ProtocolImportReport {
  protocol: { id: number; region: string; number: string; date: string; title: string };
  /** Every numbered item, sub-items included. */
  items: number;
  topLevelItems: number;
  subItems: number;
  /** Items with a «Срок:» line, and those of them that recur. */
  deadlines: number;
  recurringDuties: number;
  /** Instructions with owners but no deadline (one undated task each). */
  tasksWithoutDeadline: number;
  /** The protocol's occurrences after the import, and the date up to which recurring ones exist. */
  occurrences: number;
  today: string;
  horizon: string;
  attendees: number;
  owners: { matched: { name: string; authority: string }[]; unmatched: string[] };
  /** Recommendation numbers items refer to that the appendix does not contain. */
  missingRecommendations: number[];
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface ProtocolImportOptions {
  /** The region's code (e.g. RU-KB); without it the region the document names most is taken. */
  regionCode?: string | null;
  /** The date to count the horizon from (a fake clock in tests); the database's date otherwise. */
  today?: string | null;
  /** The document's text, for its SHA-256 (the file's content by default). */
  source?: string;
}

type Counts = Pick<ProtocolImportReport, 'created' | 'updated' | 'unchanged' | 'deleted'>;

// ---------------------------------------------------------------------------------------------------
// Names: owners are compared with the region's authorities by a key that ignores case, ё/е, quotes,
// spacing and how the region is named («Кабардино-Балкарской Республики», «КБР»).

const GENITIVE_ENDINGS: [RegExp, string][] = [
  [/ая$/, 'ой'],
  [/яя$/, 'ей'],
  [/(к|г|х)ий$/, '$1ого'],
  [/ий$/, 'его'],
  [/ый$/, 'ого'],
  [/ой$/, 'ого'],
  [/(к|г|х|ж|ш|ч|щ)а$/, '$1и'],
  [/а$/, 'ы'],
  [/я$/, 'и'],
  [/ь$/, 'и'],
  [/й$/, 'я'],
  [/([бвгджзклмнпрстфхцчшщ])$/, '$1а'],
];

/** «Кабардино-Балкарская Республика» → «Кабардино-Балкарской Республики» (word by word, best effort). */
export function genitive(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => {
      for (const [ending, replacement] of GENITIVE_ENDINGS) if (ending.test(word)) return word.replace(ending, replacement);
      return word;
    })
    .join(' ');
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“”']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The forms a document may name a region by, longest first. */
export function regionForms(region: { name: string; aliases: string[] }): string[] {
  const forms = new Set<string>();
  for (const form of [region.name, ...region.aliases]) {
    forms.add(fold(form));
    forms.add(fold(genitive(form)));
  }
  return [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
}

/** The key two names of one body share however the region is named. */
export function ownerKey(name: string, forms: string[]): string {
  let key = fold(name);
  for (const form of forms) key = key.split(form).join('{регион}');
  return key.replace(/[.,;:]+$/, '');
}

function detectRegion(text: string): string {
  const folded = fold(text);
  const counts = referenceRegions
    .map((region) => ({
      code: region.code,
      count: regionForms(region).reduce((sum, form) => sum + (form.length >= 4 || /[a-zа-я]{3}/.test(form) ? folded.split(form).length - 1 : 0), 0),
    }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  const [best, second] = counts;
  if (!best || (second && second.count === best.count)) {
    throw new ProtocolDocumentError('Не удалось определить регион протокола по тексту: укажите его код (--region RU-KB).');
  }
  return best.code;
}

// ---------------------------------------------------------------------------------------------------

export async function importProtocol(prisma: Db, parsed: ParsedProtocol, options: ProtocolImportOptions = {}): Promise<ProtocolImportReport> {
  const regionCode = options.regionCode ?? detectRegion([parsed.title, parsed.issuer, parsed.controller ?? ''].join(' '));
  const source = options.source ?? JSON.stringify(parsed);
  const sourceSha256 = createHash('sha256').update(source).digest('hex');
  return prisma.$transaction(
    async (tx) => {
      const region = await tx.region.findUnique({ where: { code: regionCode } });
      if (!region) throw new ProtocolDocumentError(`Неизвестный код региона «${regionCode}» (ожидается код ISO 3166-2:RU, например RU-KB).`);
      const today = await databaseToday(tx, options.today);
      const horizon = horizonFrom(today);
      const counts: Counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      const protocol = await writeProtocol(tx, region.id, parsed, sourceSha256, counts);
      const forms = regionForms(region);
      const owners = await writeOwners(tx, region.id, forms, parsed.items, counts);
      const changes: OccurrenceChanges = { created: 0, updated: 0, unchanged: 0, deleted: 0, touched: [] };
      await writeItems(tx, protocol.id, parsed.items, owners, forms, horizon, counts, changes);
      if (changes.touched.length > 0) {
        throw new ProtocolDocumentError(
          `Документ убирает сроки, по которым уже есть статус или отчёты (${changes.touched
            .map((t) => `пункт ${t.itemNumber}${t.dueOn ? `, срок ${t.dueOn}` : ''}`)
            .join('; ')}). Импорт отменён, ничего не изменено.`,
        );
      }
      counts.created += changes.created;
      counts.updated += changes.updated;
      counts.unchanged += changes.unchanged;
      counts.deleted += changes.deleted;

      const all = flattenItems(parsed.items);
      const ownerNames = [...owners.values()];
      const appendix = new Set(parsed.appendixRecommendations);
      const referred = [...new Set(all.flatMap((item) => item.recommendationNumbers))].sort((a, b) => a - b);
      return {
        protocol: { id: protocol.id, region: region.code, number: protocol.number, date: dateOnly(protocol.date), title: protocol.title },
        items: all.length,
        topLevelItems: parsed.items.length,
        subItems: all.length - parsed.items.length,
        deadlines: all.filter((item) => item.deadline).length,
        recurringDuties: all.filter((item) => item.recurrence !== 'NONE').length,
        tasksWithoutDeadline: all.filter((item) => isUndatedTask(item, parsed)).length,
        occurrences: await tx.taskOccurrence.count({ where: { item: { protocolId: protocol.id } } }),
        today,
        horizon,
        attendees: parsed.attendees.length,
        owners: {
          matched: ownerNames.filter((o) => o.authority).map((o) => ({ name: o.name, authority: o.authority! })),
          unmatched: ownerNames.filter((o) => !o.authority).map((o) => o.name),
        },
        missingRecommendations: parsed.appendix === null ? [] : referred.filter((n) => !appendix.has(n)),
        ...counts,
      };
    },
    { timeout: 120_000 },
  );
}

function isUndatedTask(item: ParsedItem, parsed: ParsedProtocol): boolean {
  return !item.deadline && item.items.length === 0 && (effectiveOwners(parsed.items).get(item.number)?.owners.length ?? 0) > 0;
}

async function writeProtocol(tx: Tx, regionId: number, parsed: ParsedProtocol, sourceSha256: string, counts: Counts) {
  const data = {
    issuer: parsed.issuer,
    signedBy: parsed.signedBy,
    title: parsed.title,
    agenda: parsed.agenda,
    speakers: parsed.speakers,
    chair: parsed.chair,
    attendees: parsed.attendees as unknown as Prisma.InputJsonValue,
    controller: parsed.controller,
    appendix: parsed.appendix,
    sourceSha256,
  };
  const key = { regionId, number: parsed.number, date: asDateColumn(parsed.date) };
  const existing = await tx.protocol.findUnique({ where: { regionId_number_date: key } });
  if (!existing) {
    counts.created++;
    return tx.protocol.create({ data: { ...key, ...data } });
  }
  const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => JSON.stringify(existing[k]) === JSON.stringify(data[k]));
  if (same) {
    counts.unchanged++;
    return existing;
  }
  counts.updated++;
  return tx.protocol.update({ where: { id: existing.id }, data });
}

interface OwnerRow {
  id: number;
  name: string;
  authority: string | null;
}

/** The owners the document names (by key), found or created in the region, matched to its authorities. */
async function writeOwners(tx: Tx, regionId: number, forms: string[], items: ParsedItem[], counts: Counts): Promise<Map<string, OwnerRow>> {
  const [stored, authorities] = await Promise.all([
    tx.taskOwner.findMany({ where: { regionId }, include: { authority: { select: { name: true } } } }),
    tx.authority.findMany({ where: { regionId }, select: { id: true, name: true }, orderBy: { id: 'asc' } }),
  ]);
  const storedByKey = new Map(stored.map((row) => [ownerKey(row.name, forms), row]));
  const authorityByKey = new Map<string, { id: number; name: string }>();
  for (const authority of authorities) {
    const key = ownerKey(authority.name, forms);
    if (!authorityByKey.has(key)) authorityByKey.set(key, authority);
  }
  const result = new Map<string, OwnerRow>();
  for (const item of flattenItems(items)) {
    for (const owner of item.owners) {
      const key = ownerKey(owner.name, forms);
      if (result.has(key)) continue;
      const authority = authorityByKey.get(key) ?? null;
      const row = storedByKey.get(key);
      if (!row) {
        counts.created++;
        const created = await tx.taskOwner.create({ data: { regionId, name: owner.name, authorityId: authority?.id ?? null } });
        result.set(key, { id: created.id, name: created.name, authority: authority?.name ?? null });
      } else if (row.authorityId === null && authority) {
        // An authority registered since the last import: matched now (a coordinator's match is kept).
        counts.updated++;
        await tx.taskOwner.update({ where: { id: row.id }, data: { authorityId: authority.id } });
        result.set(key, { id: row.id, name: row.name, authority: authority.name });
      } else {
        counts.unchanged++;
        result.set(key, { id: row.id, name: row.name, authority: row.authority?.name ?? null });
      }
    }
  }
  return result;
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, k) => x === b[k]);

async function writeItems(
  tx: Tx,
  protocolId: number,
  items: ParsedItem[],
  owners: Map<string, OwnerRow>,
  forms: string[],
  horizon: string,
  counts: Counts,
  changes: OccurrenceChanges,
): Promise<void> {
  const existing = await tx.protocolItem.findMany({ where: { protocolId }, include: { owners: { orderBy: { position: 'asc' } } } });
  const byNumber = new Map(existing.map((row) => [row.number, row]));
  const effective = effectiveOwners(items);
  const seen = new Set<string>();
  let position = 0;

  const write = async (item: ParsedItem, parentId: number | null): Promise<void> => {
    seen.add(item.number);
    const data = {
      parentId,
      position: position++,
      text: item.text,
      deadline: item.deadline ? asDateColumn(item.deadline) : null,
      deadlineText: item.deadlineText,
      recurrence: item.recurrence,
      recommendations: item.recommendations,
      recommendationNumbers: item.recommendationNumbers,
    };
    const row = byNumber.get(item.number);
    let id: number;
    if (!row) {
      counts.created++;
      id = (await tx.protocolItem.create({ data: { protocolId, number: item.number, ...data } })).id;
    } else {
      id = row.id;
      const same =
        row.parentId === data.parentId &&
        row.position === data.position &&
        row.text === data.text &&
        (row.deadline ? dateOnly(row.deadline) : null) === item.deadline &&
        row.deadlineText === data.deadlineText &&
        row.recurrence === data.recurrence &&
        sameList(row.recommendations, data.recommendations) &&
        sameList(row.recommendationNumbers, data.recommendationNumbers);
      if (same) counts.unchanged++;
      else {
        counts.updated++;
        await tx.protocolItem.update({ where: { id }, data });
      }
    }

    // Owners: the item's own, or inherited from its parent.
    const { owners: named, inherited } = effective.get(item.number) ?? { owners: [], inherited: false };
    const wanted = named.map((owner, k) => ({
      itemId: id,
      ownerId: owners.get(ownerKey(owner.name, forms))!.id,
      position: k,
      asWritten: owner.asWritten,
      persons: owner.persons,
      inherited,
    }));
    const stored = row?.owners ?? [];
    const sameOwners =
      stored.length === wanted.length &&
      stored.every(
        (s, k) =>
          s.ownerId === wanted[k]!.ownerId &&
          s.position === wanted[k]!.position &&
          s.asWritten === wanted[k]!.asWritten &&
          s.persons === wanted[k]!.persons &&
          s.inherited === wanted[k]!.inherited,
      );
    if (!sameOwners) {
      if (stored.length > 0) counts.deleted += (await tx.protocolItemOwner.deleteMany({ where: { itemId: id } })).count;
      if (wanted.length > 0) counts.created += (await tx.protocolItemOwner.createMany({ data: wanted })).count;
    } else counts.unchanged += stored.length;

    await syncOccurrences(
      tx,
      {
        id,
        number: item.number,
        deadline: data.deadline,
        recurrence: item.recurrence,
        undatedTask: !item.deadline && item.items.length === 0 && named.length > 0,
      },
      horizon,
      changes,
    );
    if (item.recurrence !== 'NONE') await tx.protocolItem.update({ where: { id }, data: { generatedUntil: asDateColumn(horizon) } });
    for (const child of item.items) await write(child, id);
  };
  for (const item of items) await write(item, null);

  // Items the document no longer has: removed with their occurrences, unless one carries a status or reports.
  const stale = existing.filter((row) => !seen.has(row.number));
  if (stale.length > 0) {
    const touched = await tx.taskOccurrence.findMany({
      where: { itemId: { in: stale.map((row) => row.id) }, OR: [{ status: { not: 'NOT_STARTED' } }, { reports: { some: {} } }] },
      select: { dueOn: true, item: { select: { number: true } } },
    });
    for (const t of touched) changes.touched.push({ itemNumber: t.item.number, dueOn: t.dueOn ? dateOnly(t.dueOn) : null });
    if (touched.length === 0) counts.deleted += (await tx.protocolItem.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } })).count;
  }
}

/** Reads the protocol document (UTF-8) and imports it. */
export async function importProtocolFile(prisma: Db, path: string, options: ProtocolImportOptions = {}): Promise<ProtocolImportReport> {
  const text = await readFile(path, 'utf8');
  return importProtocol(prisma, parseProtocolDocument(text), { ...options, source: text });
}
