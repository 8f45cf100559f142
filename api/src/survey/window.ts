// A campaign's survey window, pure: its state at a moment and how it is written for people
// (Moscow time; closesAt is exclusive). Used by the services, the mails and the pages alike.

export type WindowState = 'DRAFT' | 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED';

/** What a window depends on (a Campaign row has it). */
export interface CampaignWindow {
  state: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  opensAt: Date;
  closesAt: Date;
}

export function windowState(campaign: CampaignWindow, now: Date): WindowState {
  if (campaign.state === 'DRAFT') return 'DRAFT';
  if (campaign.state === 'ARCHIVED') return 'CLOSED';
  if (now < campaign.opensAt) return 'NOT_YET_OPEN';
  return now < campaign.closesAt ? 'OPEN' : 'CLOSED';
}

const moscowDateTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const moscowDay = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: 'numeric', month: 'long', year: 'numeric' });

/** «8 ноября 2021 г., 00:00» in Moscow time. */
export const moscowTimeText = (date: Date): string => moscowDateTime.format(date);

/** «8 ноября 2021 г.» in Moscow time. */
export const moscowDayText = (date: Date): string => moscowDay.format(date);

function dayMonthYear(date: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(moscowDay.formatToParts(date).map((part) => [part.type, part.value]));
  return { day: parts.day!, month: parts.month!, year: parts.year! };
}

/** The last day of a window as people say it: «с 8 по 18 ноября 2021 года» (closesAt is exclusive). */
export function windowRange(opensAt: Date, closesAt: Date): string {
  const from = dayMonthYear(opensAt);
  const to = dayMonthYear(new Date(closesAt.getTime() - 1));
  if (from.year !== to.year) return `с ${from.day} ${from.month} ${from.year} года по ${to.day} ${to.month} ${to.year} года`;
  if (from.month !== to.month) return `с ${from.day} ${from.month} по ${to.day} ${to.month} ${to.year} года`;
  return `с ${from.day} по ${to.day} ${to.month} ${to.year} года`;
}

/** «Срок проведения опроса с 8 по 18 ноября 2021 года», as seed 000 prints it. */
export function windowText(opensAt: Date, closesAt: Date): string {
  return `Срок проведения опроса ${windowRange(opensAt, closesAt)}`;
}

/**
 * A campaign's official (planned) period, as texts name it: set by the definition's window and by
 * moving the dates; opening or closing "now" moves only the window in force (issue 13, item 3).
 */
export interface PlannedPeriod {
  opensAt: Date;
  closesAt: Date;
}

/** The planned period of a campaign row: its own, or the window when none was kept apart. */
export function plannedPeriod(campaign: {
  opensAt: Date;
  closesAt: Date;
  plannedOpensAt?: Date | null;
  plannedClosesAt?: Date | null;
}): PlannedPeriod {
  return { opensAt: campaign.plannedOpensAt ?? campaign.opensAt, closesAt: campaign.plannedClosesAt ?? campaign.closesAt };
}

/**
 * The placeholders a definition's texts (`intro`, `submit.thanks`) may hold instead of dates, filled
 * from the campaign: `{{период}}` «с 30 августа по 18 сентября 2023 года», `{{начало}}` «30 августа
 * 2023 г.», `{{окончание}}` «18 сентября 2023 г.» (the last day; closesAt is exclusive).
 */
export const DATE_PLACEHOLDERS = ['{{период}}', '{{начало}}', '{{окончание}}'] as const;

export function withCampaignDates(text: string, period: PlannedPeriod): string {
  return text
    .replaceAll('{{период}}', windowRange(period.opensAt, period.closesAt))
    .replaceAll('{{начало}}', moscowDayText(period.opensAt))
    .replaceAll('{{окончание}}', moscowDayText(new Date(period.closesAt.getTime() - 1)));
}

/** The placeholders in a text that are not among DATE_PLACEHOLDERS (a definition naming one is refused). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{[^{}]*\}\}/g)].map((match) => match[0]).filter((found) => !(DATE_PLACEHOLDERS as readonly string[]).includes(found));
}
