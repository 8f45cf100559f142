// Russian labels and formats shared by the dashboard and the resources.

import type { AuditAction, AuditSubjectType } from '../../../api/src/services/auditActions.ts';

export const windowStateLabels: Record<string, string> = {
  OPEN: 'Открыт',
  CLOSED: 'Закрыт',
  NOT_YET_OPEN: 'Ещё не открыт',
  DRAFT: 'Не опубликован',
};

export const campaignStateLabels: Record<string, string> = {
  DRAFT: 'Черновик',
  PUBLISHED: 'Опубликован',
  ARCHIVED: 'В архиве',
};

export const federalDistrictLabels: Record<string, string> = {
  CENTRAL: 'Центральный',
  NORTHWESTERN: 'Северо-Западный',
  SOUTHERN: 'Южный',
  NORTH_CAUCASIAN: 'Северо-Кавказский',
  VOLGA: 'Приволжский',
  URAL: 'Уральский',
  SIBERIAN: 'Сибирский',
  FAR_EASTERN: 'Дальневосточный',
};

export const planLevelLabels: Record<string, string> = { FEDERAL: 'Федеральный', REGIONAL: 'Региональный' };

/** Every action the API writes (api/src/services/auditActions.ts) in Russian: a missing one is a type error. */
export const auditActionLabels: Record<string, string> = {
  'campaign.window.open': 'Приём ответов открыт',
  'campaign.window.close': 'Приём ответов закрыт',
  'campaign.window.move': 'Сроки приёма изменены',
  'campaign.window.extend_region': 'Срок продлён для региона',
  'campaign.reminders.send': 'Отправлены напоминания',
  'response.reopen': 'Анкета возвращена на доработку',
  'respondent.revoke': 'Доступ респондента закрыт',
  'respondent.resend_link': 'Ссылка отправлена повторно',
  'practice.create': 'Практика добавлена',
  'practice.update': 'Практика изменена',
  'practice.delete': 'Практика удалена',
  'plan.target.actual': 'Внесено фактическое значение',
  'authority.update': 'Орган власти изменён',
  'campaign.definition.import': 'Импортировано определение анкеты',
  'campaign.definition.edit': 'Изменены варианты ответа',
  'portalToken.issue': 'Выпущен токен портала',
  'portalToken.rotate': 'Токен портала заменён',
  'portalToken.revoke': 'Токен портала отозван',
  'portalToken.allowOperations': 'Изменён список операций токена',
  'portalToken.clearOperations': 'Снято ограничение операций токена',
  'campaign.expectedRegions': 'Изменены ожидаемые регионы',
  'analytics.publish': 'Аналитика опубликована',
  'task.status': 'Изменено состояние поручения',
  'task.report': 'Внесён отчёт об исполнении поручения',
  'taskOwner.contact.add': 'Добавлен адрес исполнителя',
  'taskOwner.contact.remove': 'Удалён адрес исполнителя',
  'taskOwner.match': 'Исполнитель сопоставлен с органом власти',
  'taskReminders.send': 'Отправлены напоминания исполнителям',
} satisfies Record<AuditAction, string>;

/** A label table as a select's choices (a filter of lists). */
export function choicesOf(labels: Record<string, string>): { id: string; name: string }[] {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}

const moscow = 'Europe/Moscow';

/** «18.11.2021 23:59 МСК» */
export function formatMoscow(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat('ru-RU', {
    timeZone: moscow,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${text.replace(',', '')} МСК`;
}

/** The date part in Moscow, as a date input's value (yyyy-mm-dd). */
export function moscowDateInput(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: moscow, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** A window opens at the start of a Moscow day… */
export function moscowDayStart(day: string): string {
  return new Date(`${day}T00:00:00+03:00`).toISOString();
}

/** …and closes at its end (the whole last day counts). */
export function moscowDayEnd(day: string): string {
  return new Date(`${day}T23:59:59+03:00`).toISOString();
}

export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Every subject type of the audit log (api/src/services/auditActions.ts) in Russian. */
export const subjectTypeLabels: Record<string, string> = {
  Campaign: 'Опрос',
  Region: 'Регион',
  Response: 'Анкета',
  User: 'Респондент',
  Practice: 'Практика',
  PlanTarget: 'Целевой показатель',
  Authority: 'Орган власти',
  PortalToken: 'Токен портала',
  TaskOccurrence: 'Срок поручения',
  TaskOwner: 'Исполнитель',
} satisfies Record<AuditSubjectType, string>;

export const portalTokenStateLabels: Record<string, string> = {
  ACTIVE: 'Действует',
  ROTATING: 'Заменён, старый ещё действует',
  EXPIRED: 'Истёк',
  REVOKED: 'Отозван',
};

/** The portal scopes as coordinators choose them (api/src/services/portalTokens.ts: portalScopes). */
export const portalScopeLabels: Record<string, string> = {
  status: 'Ход мониторинга',
  answers: 'Ответы и меры',
  personal: 'Персональные данные',
  report: 'Аналитика',
};

export const progressStatusLabels: Record<string, string> = { NOT_STARTED: 'Не приступил', DRAFT: 'Заполняет', SUBMITTED: 'Отправил анкету' };

export const responseStatusLabels: Record<string, string> = { DRAFT: 'Заполняется', SUBMITTED: 'Отправлена' };

export const mailStatusLabels: Record<string, string> = { PENDING: 'В очереди', SENT: 'Отправлено', FAILED: 'Не доставлено' };

export const mailTemplateLabels: Record<string, string> = {
  reminder: 'Напоминание',
  'login-link': 'Ссылка для входа',
  returned: 'Возврат на доработку',
  receipt: 'Анкета получена',
};

export const audienceLabels: Record<string, string> = {
  NOT_STARTED: 'Не приступили',
  IN_PROGRESS_BELOW_100: 'Заполняют, менее 100%',
  RETURNED: 'Возвращены на доработку',
};
