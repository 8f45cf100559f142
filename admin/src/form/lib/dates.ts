// Dates as respondents read them: Moscow time, Russian month names in the genitive.
// A campaign's closesAt is exclusive (a window "until 18 November" closes at 19 November 00:00 МСК).

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const TIME_ZONE = 'Europe/Moscow';

let parts: Intl.DateTimeFormat | undefined;

export interface MoscowParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The calendar date and time of an instant in Moscow. */
export function moscowParts(instant: Date | string): MoscowParts {
  parts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const found: Record<string, number> = {};
  for (const part of parts.formatToParts(date)) if (part.type !== 'literal') found[part.type] = Number(part.value);
  return { year: found.year!, month: found.month!, day: found.day!, hour: found.hour! % 24, minute: found.minute! };
}

/** «8 ноября 2021 года» */
export function formatDay(instant: Date | string): string {
  const { day, month, year } = moscowParts(instant);
  return `${day} ${MONTHS[month - 1]} ${year} года`;
}

/** The last day of a window whose end is exclusive. */
function lastInstant(closesAt: Date | string): Date {
  return new Date(new Date(closesAt).getTime() - 1);
}

/**
 * The window as the seed words it: «с 8 по 18 ноября 2021 года», «с 30 августа по 18 сентября
 * 2023 года», «с 25 декабря 2023 года по 10 января 2024 года»; one day: «8 ноября 2021 года».
 */
export function formatWindow(opensAt: Date | string, closesAt: Date | string): string {
  const from = moscowParts(opensAt);
  const to = moscowParts(lastInstant(closesAt));
  if (from.year !== to.year) return `с ${formatDay(opensAt)} по ${formatDay(lastInstant(closesAt))}`;
  if (from.month !== to.month) return `с ${from.day} ${MONTHS[from.month - 1]} по ${to.day} ${MONTHS[to.month - 1]} ${to.year} года`;
  if (from.day !== to.day) return `с ${from.day} по ${to.day} ${MONTHS[to.month - 1]} ${to.year} года`;
  return formatDay(opensAt);
}

/** «18 ноября 2021 г. в 14:05» (Moscow time). */
export function formatDateTime(instant: Date | string): string {
  const { day, month, year, hour, minute } = moscowParts(instant);
  return `${day} ${MONTHS[month - 1]} ${year} г. в ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** What the form says outside the window, or null while it is open. */
export function windowNotice(windowState: string, opensAt: string, closesAt: string): string | null {
  if (windowState === 'NOT_YET_OPEN') {
    return `Заполнение анкеты откроется ${formatDay(opensAt)} (${formatDateTime(opensAt).split(' в ')[1]} по московскому времени). До этого анкета доступна только для просмотра.`;
  }
  if (windowState === 'CLOSED' || windowState === 'DRAFT') {
    return `Приём ответов завершён: опрос проводился ${formatWindow(opensAt, closesAt)}. Анкета доступна только для просмотра.`;
  }
  return null;
}
