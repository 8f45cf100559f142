// An audit entry as people read it: the changed fields by their Russian names, values as the console
// shows them elsewhere (statuses by label, dates in Moscow time, decimals with a comma), and the
// object by what it is (a plan target as its indicator's printed number and year), never the stored
// keys, codes or database ids.
import { audienceLabels, campaignStateLabels, formatMoscow, responseStatusLabels, subjectTypeLabels, windowStateLabels } from '../labels.ts';
import { taskStatusLabels } from '../protocols/tasks.ts';

/** The stored keys of before/after (services' audit snapshots) by their Russian names. */
export const auditKeyLabels: Record<string, string> = {
  // Campaign windows
  opensAt: 'открытие',
  closesAt: 'закрытие',
  plannedOpensAt: 'плановое начало',
  plannedClosesAt: 'плановое окончание',
  state: 'состояние',
  windowState: 'приём',
  regionCode: 'регион',
  // Reminders
  audience: 'кому',
  audiences: 'кому',
  recipients: 'писем',
  // Responses and respondents
  status: 'статус',
  version: 'версия',
  submittedAt: 'отправлена',
  disabledAt: 'доступ закрыт',
  linksRevoked: 'ссылок отозвано',
  sessionsEnded: 'сеансов завершено',
  campaignCode: 'опрос',
  to: 'адрес',
  // Plan targets
  indicator: 'показатель №',
  year: 'год',
  actual: 'факт',
  // Practices and authorities
  text: 'текст',
  textSha256: 'контрольная сумма текста',
  source: 'источник',
  regionId: 'субъект РФ',
  sphereId: 'сфера',
  formId: 'форма',
  name: 'наименование',
  // Definitions
  digest: 'контрольная сумма',
  outcome: 'итог',
  sections: 'разделов',
  questions: 'вопросов',
  options: 'вариантов',
  question: 'вопрос',
  code: 'код',
  label: 'текст',
  help: 'подсказка',
  // Analytics and portal tokens
  respondentsCount: 'анкет',
  threshold: 'порог',
  expectedRegions: 'ожидаемые регионы',
  region: 'регион',
  scopes: 'права',
  expiresAt: 'действует до',
  revokedAt: 'отозван',
  previousValidUntil: 'прежний действует до',
  allowedOperations: 'разрешённые запросы',
  // Protocols' tasks, their owners and the reminders of their deadlines
  protocol: 'протокол №',
  item: 'пункт',
  dueOn: 'срок',
  report: 'отчёт',
  evidenceUrl: 'подтверждение',
  owner: 'исполнитель',
  email: 'адрес',
  authority: 'орган власти',
  withinDays: 'сроки на ближайшие, дней',
  contacts: 'адресаты',
  overdue: 'просрочено',
  upcoming: 'срок подходит',
};

const outcomeLabels: Record<string, string> = { created: 'создан', updated: 'обновлён', unchanged: 'без изменений' };

/** Value labels by key: a status of a response, a state of a campaign, an audience… */
const valueLabels: Record<string, Record<string, string>> = {
  // A response's status or a task's: their codes differ.
  status: { ...responseStatusLabels, ...taskStatusLabels },
  state: campaignStateLabels,
  windowState: windowStateLabels,
  audience: audienceLabels,
  audiences: audienceLabels,
  outcome: outcomeLabels,
};

/** Names of the records an id refers to (regions, spheres), when the console has loaded them. */
export type NameLookup = Partial<Record<'regionId' | 'sphereId', Map<string, string>>>;

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T/;
const DECIMAL = /^-?\d+\.\d+$/;

/** One value as text: `key` says what it is. */
export function auditValue(key: string, value: unknown, names: NameLookup = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((item) => auditValue(key, item, names)).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number')
    return (key === 'regionId' || key === 'sphereId') && names[key]?.get(String(value))
      ? names[key]!.get(String(value))!
      : String(value).replace('.', ',');
  if (typeof value === 'string') {
    if (ISO_MOMENT.test(value)) return formatMoscow(value);
    const labelled = valueLabels[key]?.[value];
    if (labelled) return labelled;
    if (DECIMAL.test(value)) return value.replace('.', ',');
    return value;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // An option or a question: its text is what people know it by.
    if (typeof record.label === 'string') return record.label;
    return Object.entries(record)
      .map(([inner, innerValue]) => `${auditKeyLabels[inner] ?? inner}: ${auditValue(inner, innerValue, names)}`)
      .join('; ');
  }
  return String(value);
}

const asRecord = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The fields that differ between before and after, named and shown for people. */
export function changes(before: unknown, after: unknown, names: NameLookup = {}): { key: string; from: string; to: string }[] {
  const a = asRecord(before);
  const b = asRecord(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ key: auditKeyLabels[key] ?? key, from: auditValue(key, a[key], names), to: auditValue(key, b[key], names) }));
}

/** Every field of a snapshot (the entry's «Было» or «Стало»), named and shown for people. */
export function snapshotRows(value: unknown, names: NameLookup = {}): { key: string; text: string }[] {
  return Object.entries(asRecord(value)).map(([key, inner]) => ({ key: auditKeyLabels[key] ?? key, text: auditValue(key, inner, names) }));
}

/** The ids of regions and spheres an entry names, to load their names. */
export function referencedIds(values: unknown[]): { regionId: string[]; sphereId: string[] } {
  const ids = { regionId: new Set<string>(), sphereId: new Set<string>() };
  for (const value of values) {
    const record = asRecord(value);
    for (const key of ['regionId', 'sphereId'] as const) if (typeof record[key] === 'number') ids[key].add(String(record[key]));
  }
  return { regionId: [...ids.regionId], sphereId: [...ids.sphereId] };
}

/**
 * The object of an entry as people know it: a plan target is «Показатель № 1, 2016 год» (the
 * indicator's number as printed in the plan, not the target's database id); a campaign by its code.
 */
export function auditSubject(entry: { subjectType: string; subjectId: string; before: unknown; after: unknown }): string {
  const type = subjectTypeLabels[entry.subjectType] ?? entry.subjectType;
  if (entry.subjectType === 'PlanTarget') {
    const snapshot = { ...asRecord(entry.before), ...asRecord(entry.after) };
    if (snapshot.indicator !== undefined) {
      return `Показатель № ${String(snapshot.indicator)}${snapshot.year !== undefined ? `, ${String(snapshot.year)} год` : ''}`;
    }
  }
  return `${type} ${entry.subjectId}`;
}
