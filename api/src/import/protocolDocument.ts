// Reads a regional government's protocol on the follow-up of the assessment's results (seed 004,
// prisma/seeds/protocol-kbr-2017-06-02-3.txt): the heading (title, date, number), the chair and the
// attendees, the question on the agenda, the numbered items and sub-items with their owners,
// deadlines («Срок: …») and recurring duties («…, далее – ежемесячно»), references to the appendix's
// recommendations, who controls execution, the signatory and the appendix. Pure: text in, a parsed
// protocol out (protocol.ts writes it).
//
// Decisions taken from the document itself:
// - An item starts at a line «N. …» or «N.M. …» and runs to the next item, its «Срок:» line or the
//   «Контроль за исполнением …» paragraph; paragraphs of one item (a page break splits item 2 and
//   3.2 mid-sentence) are joined by a space, or by a new line after a sentence's end.
// - A «Срок:» line belongs to the item just before it. «к 15 июля 2017 г.» and «до …» are the same
//   deadline as «15 июля 2017 г.»; «, далее – ежемесячно | ежеквартально | ежегодно» makes it a
//   recurring duty from that date. A line starting «Срок» that does not read so is refused.
// - Owners are the bodies an item addresses in the dative before its colon («2. Министерству …,
//   главам местных администраций …») or before its verb («4. Министерству культуры … обеспечить …»);
//   after a dash («Уполномоченным органам … – Министерству …») the bodies after it. They are named in
//   the nominative («Министерство …»), the people in brackets kept apart. Sub-items without owners of
//   their own inherit their parent's. Item 1 («Принять к сведению …») addresses nobody.
// - Attendees: a position (one or more lines) and a name «Фамилия И.О.», on its own line or at the end
//   of the position's last line (also after a tab). A paragraph without a name followed by a
//   paragraph that holds both a position and a name continues the previous attendee's position (the
//   document's columns slipped at «Карданов Р.М.»).
//
// Anything that does not fit is refused with a ProtocolDocumentError naming the line.
import { DocumentError } from './documentError.ts';

export type Recurrence = 'NONE' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

export interface ParsedOwner {
  /** The body as the item names it (dative), without the people in brackets. */
  asWritten: string;
  /** The body in the nominative («Министерство здравоохранения …»). */
  name: string;
  /** The people named with it («Емузова Н.Г.»), as written. */
  persons: string | null;
}

export interface ParsedItem {
  /** "2", "2.1" as printed. */
  number: string;
  line: number;
  text: string;
  /** The first (or only) deadline, YYYY-MM-DD. */
  deadline: string | null;
  /** The «Срок:» line as written (without «Срок:»). */
  deadlineText: string | null;
  deadlineLine: number | null;
  recurrence: Recurrence;
  /** «п. 1 приложения к протоколу» as written, and the numbers they name. */
  recommendations: string[];
  recommendationNumbers: number[];
  /** The item's own owners (sub-items inherit their parent's: see `effectiveOwners`). */
  owners: ParsedOwner[];
  items: ParsedItem[];
}

export interface ParsedAttendee {
  name: string;
  position: string;
}

export interface ParsedProtocol {
  number: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  issuer: string;
  signedBy: string | null;
  agenda: string | null;
  speakers: string[];
  chair: string;
  attendees: ParsedAttendee[];
  controller: string | null;
  appendix: string | null;
  /** The appendix's numbered recommendations found («1. (к п. 2.2 Протокола)»). */
  appendixRecommendations: number[];
  items: ParsedItem[];
}

/** The document cannot be imported; the message (in Russian) says where and why. */
export class ProtocolDocumentError extends DocumentError {}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RECURRENCES: Record<string, Recurrence> = { ежемесячно: 'MONTHLY', ежеквартально: 'QUARTERLY', ежегодно: 'YEARLY' };

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
const unbold = (s: string) => s.replace(/\*\*/g, '').replace(/^#+\s*/, '');

/** "2 июня 2017" → "2017-06-02"; null when the month is unknown or the day does not exist. */
export function russianDate(day: string, month: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || !Number.isInteger(d) || d < 1) return null;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DEADLINE =
  /^Срок\s*:\s*(?:(?:к|до|не позднее)\s+)?(\d{1,2})\s+([а-яё]+)\s+(\d{4})\s*(?:г\.?|года)(?:\s*,\s*далее\s*[-–—]\s*([а-яё]+))?\s*\.?$/i;

/** A «Срок:» line's text → the deadline and the recurrence; an error naming the line when it does not read. */
export function parseDeadline(line: string, lineNumber: number): { deadline: string; recurrence: Recurrence; text: string } {
  const text = collapse(line);
  const m = DEADLINE.exec(text);
  const expected = 'ожидалось «Срок: 15 июня 2017 г.» или «Срок: к 15 июля 2017 г., далее – ежемесячно» (ежеквартально, ежегодно)';
  if (!m) throw new ProtocolDocumentError(`не удалось прочитать срок «${clip(text)}»: ${expected}.`, lineNumber);
  if (!MONTHS.includes(m[2]!.toLowerCase())) {
    throw new ProtocolDocumentError(
      `не удалось прочитать срок «${clip(text)}»: месяц «${m[2]}» — ожидался месяц в родительном падеже («15 июня»).`,
      lineNumber,
    );
  }
  const deadline = russianDate(m[1]!, m[2]!, m[3]!);
  if (!deadline) throw new ProtocolDocumentError(`в сроке «${clip(text)}» нет такой даты: ${m[1]} ${m[2]} ${m[3]} г.`, lineNumber);
  let recurrence: Recurrence = 'NONE';
  if (m[4]) {
    const found = RECURRENCES[m[4].toLowerCase()];
    if (!found) throw new ProtocolDocumentError(`в сроке «${clip(text)}» непонятная периодичность «${m[4]}»: ${expected}.`, lineNumber);
    recurrence = found;
  }
  return { deadline, recurrence, text: text.replace(/^Срок\s*:\s*/i, '') };
}

// ---------------------------------------------------------------------------------------------------
// Owners

/** Dative heads of an addressee and their nominative. */
const DATIVE_HEADS: Record<string, string> = {
  министерству: 'Министерство',
  министерствам: 'Министерства',
  департаменту: 'Департамент',
  департаментам: 'Департаменты',
  комитету: 'Комитет',
  управлению: 'Управление',
  агентству: 'Агентство',
  службе: 'Служба',
  инспекции: 'Инспекция',
  администрации: 'Администрация',
  администрациям: 'Администрации',
  главам: 'Главы',
  главе: 'Глава',
  органам: 'Органы',
  уполномоченным: 'Уполномоченные',
  правительству: 'Правительство',
  аппарату: 'Аппарат',
  фонду: 'Фонд',
  центру: 'Центр',
  учреждениям: 'Учреждения',
  организациям: 'Организации',
};
const headPattern = Object.keys(DATIVE_HEADS).join('|');
const STARTS_WITH_HEAD = new RegExp(`^(?:${headPattern})\\s`, 'i');
const SPLIT_AT_HEAD = new RegExp(`,\\s+(?=(?:${headPattern})\\s)`, 'i');
const DASH_BEFORE_HEAD = new RegExp(`\\s[-–—]\\s+(?=(?:${headPattern})\\s)`, 'gi');
/** Verbs an item's instruction starts with (after its addressees). */
const VERB =
  /\s(?:обеспечить|принять|представить|направить|рассмотреть|организовать|провести|разработать|подготовить|утвердить|разместить|осуществить|продолжить|завершить|предусмотреть|усилить|активизировать|оказать|оказывать|информировать|проинформировать|создать)(?![а-яё])/i; // (?![а-яё]): JavaScript's \b does not know Cyrillic letters
const PERSON = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ][а-яё]?(?:-[А-ЯЁ])?\.?)?/;

/** Splits «Министерству …(Емузова Н.Г.), главам …» into owners; [] when it names no addressee. */
export function parseOwners(segment: string): ParsedOwner[] {
  let text = collapse(segment).replace(/[:.]$/, '');
  // «Уполномоченным органам …, ответственным за … – Министерству …, Министерству …»: the list after the dash.
  const dashes = [...text.matchAll(DASH_BEFORE_HEAD)];
  if (dashes.length > 0) {
    const last = dashes[dashes.length - 1]!;
    text = text.slice(last.index! + last[0].length);
  }
  if (!STARTS_WITH_HEAD.test(text)) return [];
  const parts: string[] = [];
  // Split only outside brackets (a bracket lists people: «(Алакаев А.М., Мамхегов х.Х., …)»).
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0 && SPLIT_AT_HEAD.test(text.slice(i, i + 40))) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => owner(part.trim()));
}

function owner(part: string): ParsedOwner {
  let body = part;
  let persons: string | null = null;
  const bracket = /\s*\(([^()]*)\)?\s*$/.exec(body);
  if (bracket && (bracket[0].includes('(') || PERSON.test(bracket[1]!))) {
    persons = collapse(bracket[1]!) || null;
    body = body.slice(0, bracket.index);
  } else {
    // «… Республики Расторгуева С.А)»: a name without its opening bracket.
    const bare = new RegExp(`\\s+(${PERSON.source})\\)?$`).exec(body);
    if (bare) {
      persons = bare[1]!.trim();
      body = body.slice(0, bare.index);
    }
  }
  body = collapse(body);
  const [first = '', ...rest] = body.split(' ');
  const nominative = DATIVE_HEADS[first.toLowerCase()];
  const name = nominative ? [nominative, ...rest].join(' ') : body.charAt(0).toUpperCase() + body.slice(1);
  return { asWritten: body, name, persons };
}

// ---------------------------------------------------------------------------------------------------
// Attendees

const NAME_AT_END = /(?:^|\s)([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)$/;

function parseAttendees(lines: { text: string; line: number }[]): ParsedAttendee[] {
  const attendees: ParsedAttendee[] = [];
  /** Paragraphs of position text not yet given to anyone; the last one is the current paragraph. */
  let pending: string[][] = [[]];
  for (const { text } of lines) {
    const line = collapse(text);
    if (line === '') {
      if (pending[pending.length - 1]!.length > 0) pending.push([]);
      continue;
    }
    const m = NAME_AT_END.exec(line);
    if (!m) {
      pending[pending.length - 1]!.push(line);
      continue;
    }
    const prefix = line.slice(0, m.index).trim();
    const current = pending[pending.length - 1]!;
    const earlier = pending.slice(0, -1).filter((p) => p.length > 0);
    let positionParts: string[];
    if ((prefix !== '' || current.length > 0) && earlier.length > 0 && attendees.length > 0) {
      // The name sits with its own position: paragraphs before it continue the previous attendee's.
      const previous = attendees[attendees.length - 1]!;
      previous.position = collapse([previous.position, ...earlier.flat()].join(' '));
      positionParts = [...current, prefix];
    } else {
      positionParts = [...earlier.flat(), ...current, prefix];
    }
    attendees.push({ name: m[1]!.replace(/\.\s+/g, '.'), position: collapse(positionParts.join(' ')) });
    pending = [[]];
  }
  const left = pending.flat();
  if (left.length > 0 && attendees.length > 0) {
    const previous = attendees[attendees.length - 1]!;
    previous.position = collapse([previous.position, ...left].join(' '));
  }
  return attendees;
}

// ---------------------------------------------------------------------------------------------------
// The document

const ITEM = /^(\d+(?:\.\d+)*)\.\s+(\S.*)$/;
const RECOMMENDATION = /п\.\s*(\d+(?:\s*(?:,|и)\s*\d+)*)\s+приложения\s+к\s+протоколу/gi;

interface Line {
  text: string;
  line: number;
}

export function parseProtocolDocument(source: string): ParsedProtocol {
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text: text.replace(/\s+$/, ''), line: i + 1 }));
  const find = (from: number, test: (text: string) => boolean) => {
    for (let i = from; i < lines.length; i++) if (test(collapse(unbold(lines[i]!.text)))) return i;
    return -1;
  };

  const heading = find(0, (t) => /^ПРОТОКОЛ$/i.test(t));
  if (heading < 0) throw new ProtocolDocumentError('Не найден заголовок «ПРОТОКОЛ» (отдельной строкой).');

  // Title lines up to «от 2 июня 2017 г.».
  const dateAt = find(heading + 1, (t) => /^от\s+\d/.test(t));
  if (dateAt < 0) throw new ProtocolDocumentError('Не найдена дата протокола (строка «от 2 июня 2017 г.»).', lines[heading]!.line);
  const titleText = collapse(
    lines
      .slice(heading + 1, dateAt)
      .map((l) => unbold(l.text))
      .join(' '),
  );
  if (titleText === '')
    throw new ProtocolDocumentError('Под заголовком «ПРОТОКОЛ» нет наименования (например, «совещания у …»).', lines[heading]!.line);
  const title = `Протокол ${titleText}`;
  const dateText = collapse(lines[dateAt]!.text);
  const dm = /^от\s+(\d{1,2})\s+([а-яё]+)\s+(\d{4})\s*(?:г\.?|года)?$/i.exec(dateText);
  const date = dm ? russianDate(dm[1]!, dm[2]!, dm[3]!) : null;
  if (!date)
    throw new ProtocolDocumentError(`не удалось прочитать дату протокола «${clip(dateText)}»: ожидалось «от 2 июня 2017 г.».`, lines[dateAt]!.line);

  const numberAt = find(dateAt + 1, (t) => t !== '');
  const nm = numberAt < 0 ? null : /^№\s*(\S+)$/.exec(collapse(lines[numberAt]!.text));
  if (!nm) throw new ProtocolDocumentError('После даты ожидался номер протокола («№ 3»).', lines[numberAt < 0 ? dateAt : numberAt]!.line);
  const number = nm[1]!;

  // Chair.
  const chairAt = find(numberAt + 1, (t) => /^ПРЕДСЕДАТЕЛЬСТВОВАЛ/i.test(t));
  if (chairAt < 0) throw new ProtocolDocumentError('Не найдено «ПРЕДСЕДАТЕЛЬСТВОВАЛ».', lines[numberAt]!.line);
  let chair = collapse(lines[chairAt]!.text.replace(/^\s*ПРЕДСЕДАТЕЛЬСТВОВАЛ[А-Я]*\s*:?\s*/i, ''));
  if (chair === '') {
    const nameAt = find(chairAt + 1, (t) => t !== '');
    if (nameAt < 0) throw new ProtocolDocumentError('Не указан председательствующий.', lines[chairAt]!.line);
    chair = collapse(lines[nameAt]!.text);
  }

  // The numbered items, the controller paragraph, the appendix.
  const firstItem = find(chairAt + 1, (t) => ITEM.test(t));
  if (firstItem < 0) throw new ProtocolDocumentError('Не найдено ни одного пункта («1. …»).');
  const controlAt = find(firstItem, (t) => /^Контроль\s+(?:за\s+)?исполнени/i.test(t));
  const appendixAt = find(firstItem, (t) => /^Приложение(?![а-яё])/i.test(t));
  const itemsEnd = controlAt >= 0 ? controlAt : appendixAt >= 0 ? appendixAt : lines.length;

  // Attendees and the agenda between the chair and the first item.
  const attendeesAt = find(chairAt + 1, (t) => /^ПРИСУТСТВОВАЛИ/i.test(t));
  const agendaAt = lines.findIndex((l, i) => i > chairAt && i < firstItem && l.text.trimStart().startsWith('**'));
  const attendees =
    attendeesAt >= 0 && attendeesAt < firstItem ? parseAttendees(lines.slice(attendeesAt + 1, agendaAt >= 0 ? agendaAt : firstItem)) : [];
  let agenda: string | null = null;
  let speakers: string[] = [];
  if (agendaAt >= 0) {
    const text = collapse(
      lines
        .slice(agendaAt, firstItem)
        .map((l) => unbold(l.text))
        .join(' '),
    );
    const spoke = /\s*\(([^()]*)\)\s*$/.exec(text);
    if (spoke && /^[А-ЯЁ][а-яё-]+(?:\s*,\s*[А-ЯЁ][а-яё-]+)*$/.test(spoke[1]!.trim())) {
      speakers = spoke[1]!.split(',').map((s) => s.trim());
      agenda = text.slice(0, spoke.index).trim();
    } else agenda = text || null;
  }

  const items = parseItems(lines.slice(firstItem, itemsEnd));

  // «Контроль за исполнением … возложить на X.» then the signatory's office and name.
  let controller: string | null = null;
  let issuer: string | null = null;
  let signedBy: string | null = null;
  if (controlAt >= 0) {
    let end = controlAt;
    while (end < lines.length && collapse(lines[end]!.text) !== '') end++;
    const paragraph = collapse(
      lines
        .slice(controlAt, end)
        .map((l) => l.text)
        .join(' '),
    );
    const on = /возложить\s+на\s+(.+?)\.?$/i.exec(paragraph);
    controller = on ? on[1]!.charAt(0).toUpperCase() + on[1]!.slice(1) : paragraph;
    const signature = lines
      .slice(end, appendixAt >= 0 ? appendixAt : lines.length)
      .map((l) => collapse(l.text))
      .filter((t) => t !== '');
    if (signature.length >= 2) {
      signedBy = signature[signature.length - 1]!;
      issuer = signature.slice(0, -1).join(' ');
    }
  }
  if (!issuer) {
    // «совещания у Заместителя Председателя … по …»: the office the meeting was held by.
    const at = /(?:^|\s)у\s+(.+?)\s+по\s+/.exec(titleText);
    if (!at)
      throw new ProtocolDocumentError('Не найдена подпись протокола (должность и фамилия после пункта о контроле).', lines[itemsEnd - 1]?.line);
    issuer = at[1]!.charAt(0).toUpperCase() + at[1]!.slice(1);
  }

  let appendix: string | null = null;
  const appendixRecommendations: number[] = [];
  if (appendixAt >= 0) {
    appendix = lines
      .slice(appendixAt)
      .map((l) => l.text)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    for (const l of lines.slice(appendixAt)) {
      const m = /^\d+\.\s*\(к\s+п\.\s*[\d.]+/i.exec(collapse(unbold(l.text)));
      if (m) appendixRecommendations.push(Number.parseInt(m[0], 10));
    }
  }

  return {
    number,
    date,
    title,
    issuer,
    signedBy,
    agenda,
    speakers,
    chair,
    attendees,
    controller,
    appendix,
    appendixRecommendations,
    items,
  };
}

function parseItems(lines: Line[]): ParsedItem[] {
  const top: ParsedItem[] = [];
  const byNumber = new Map<string, ParsedItem>();
  /** Paragraphs of the item being read. */
  let current: { item: ParsedItem; paragraphs: string[][] } | null = null;
  let afterDeadline = false;

  const finish = () => {
    if (!current) return;
    const { item, paragraphs } = current;
    item.text = paragraphs
      .filter((p) => p.length > 0)
      .map((p) => collapse(p.join(' ')))
      .reduce((text, p) => (text === '' ? p : /[.;:!?]$/.test(text) ? `${text}\n${p}` : `${text} ${p}`), '');
    for (const m of item.text.matchAll(RECOMMENDATION)) {
      item.recommendations.push(collapse(m[0]));
      for (const n of m[1]!.split(/\s*(?:,|и)\s*/)) item.recommendationNumbers.push(Number(n));
    }
    current = null;
  };

  for (const { text: raw, line } of lines) {
    const text = collapse(raw);
    const m = ITEM.exec(text);
    if (m) {
      finish();
      afterDeadline = false;
      const number = m[1]!;
      const parts = number.split('.').map(Number);
      const parentNumber = parts.slice(0, -1).join('.');
      const parent = parentNumber ? byNumber.get(parentNumber) : undefined;
      if (parentNumber && !parent) throw new ProtocolDocumentError(`подпункт ${number} стоит без пункта ${parentNumber}.`, line);
      const siblings = parent ? parent.items : top;
      const previous = siblings[siblings.length - 1];
      const expected = previous
        ? `${parentNumber ? `${parentNumber}.` : ''}${Number(previous.number.split('.').pop()) + 1}`
        : `${parentNumber ? `${parentNumber}.` : ''}1`;
      if (number !== expected) {
        throw new ProtocolDocumentError(
          previous
            ? `пункт ${number} стоит после пункта ${previous.number}: ожидался ${expected}.`
            : `пункт ${number} стоит первым${parentNumber ? ` в пункте ${parentNumber}` : ''}: ожидался ${expected}.`,
          line,
        );
      }
      if (parent && parent.items.length === 0 && parent.deadline) {
        throw new ProtocolDocumentError(`у пункта ${parentNumber} есть срок, а за ним идут подпункты: срок ставится после подпункта.`, line);
      }
      const item: ParsedItem = {
        number,
        line,
        text: '',
        deadline: null,
        deadlineText: null,
        deadlineLine: null,
        recurrence: 'NONE',
        recommendations: [],
        recommendationNumbers: [],
        owners: [],
        items: [],
      };
      siblings.push(item);
      byNumber.set(number, item);
      current = { item, paragraphs: [[m[2]!]] };
      continue;
    }
    if (/^Срок(?![а-яё])/i.test(text)) {
      if (!current) {
        const last = [...byNumber.values()].pop();
        throw new ProtocolDocumentError(last?.deadline ? `второй срок у пункта ${last.number}.` : 'срок не относится ни к одному пункту.', line);
      }
      const item: ParsedItem = current.item;
      const parsed = parseDeadline(text, line);
      item.deadline = parsed.deadline;
      item.recurrence = parsed.recurrence;
      item.deadlineText = parsed.text;
      item.deadlineLine = line;
      finish();
      afterDeadline = true;
      continue;
    }
    if (text === '') {
      if (current) current.paragraphs.push([]);
      continue;
    }
    if (afterDeadline || !current) {
      throw new ProtocolDocumentError(
        `текст «${clip(text)}» после срока не относится ни к одному пункту (пункт начинается с номера: «3. …», «3.1. …»).`,
        line,
      );
    }
    current.paragraphs[current.paragraphs.length - 1]!.push(text);
  }
  finish();

  const walk = (item: ParsedItem) => {
    item.owners = ownersOf(item);
    item.items.forEach(walk);
  };
  top.forEach(walk);
  return top;
}

/** The addressees of an item: before its colon when it has sub-items, before its verb otherwise. */
function ownersOf(item: ParsedItem): ParsedOwner[] {
  const text = collapse(item.text);
  if (!STARTS_WITH_HEAD.test(text)) return [];
  let segment: string;
  if (item.items.length > 0) {
    const colon = text.lastIndexOf(':');
    segment = colon >= 0 ? text.slice(0, colon) : text;
  } else {
    const verb = VERB.exec(text);
    if (!verb) return [];
    segment = text.slice(0, verb.index);
  }
  return parseOwners(segment);
}

/** The owners an item answers to: its own, or its nearest ancestor's (inherited). */
export function effectiveOwners(items: ParsedItem[]): Map<string, { owners: ParsedOwner[]; inherited: boolean }> {
  const result = new Map<string, { owners: ParsedOwner[]; inherited: boolean }>();
  const walk = (item: ParsedItem, inheritedOwners: ParsedOwner[]) => {
    const own = item.owners.length > 0;
    const owners = own ? item.owners : inheritedOwners;
    result.set(item.number, { owners, inherited: !own && owners.length > 0 });
    for (const child of item.items) walk(child, owners);
  };
  for (const item of items) walk(item, []);
  return result;
}

/** Every item, depth first, in the document's order. */
export function flattenItems(items: ParsedItem[]): ParsedItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.items)]);
}
