// Protocols' tasks in the console (issue 12): the records the screens read, the statuses and
// recurrences by their Russian names, and how a deadline reads («просрочено на 5 дней»).
import { countOf } from '../../../../api/src/i18n/plural.ts';

export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';

export const taskStatusLabels: Record<TaskStatus, string> = { NOT_STARTED: 'Не начато', IN_PROGRESS: 'В работе', DONE: 'Выполнено' };
export const recurrenceLabels: Record<string, string> = {
  NONE: 'Однократно',
  MONTHLY: 'Ежемесячно',
  QUARTERLY: 'Ежеквартально',
  YEARLY: 'Ежегодно',
};

export interface TaskProgress {
  status: TaskStatus | null;
  progress: number | null;
  done: number;
  total: number;
  overdue: number;
}

export interface NextOccurrence {
  id: string;
  dueOn: string | null;
  status: TaskStatus;
  overdue: boolean;
  daysLeft: number | null;
}

export interface ItemOwner {
  asWritten: string;
  inherited: boolean;
  owner: { id: string; name: string };
}

export interface ProtocolItemNode {
  id: string;
  number: string;
  text: string;
  depth: number;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: string;
  recommendations: string[];
  occurrencesCount: number;
  owners: ItemOwner[];
  progress: TaskProgress;
  nextOccurrence: NextOccurrence | null;
  children?: ProtocolItemNode[];
}

export interface ProtocolRecord {
  id: string;
  number: string;
  date: string;
  title: string;
  issuer: string;
  chair: string;
  controller: string | null;
  signedBy?: string | null;
  agenda?: string | null;
  itemsCount: number;
  region: { id: string; name: string; code: string };
  progress: TaskProgress;
  attendees?: { name: string; position: string }[];
  items?: ProtocolItemNode[];
}

export interface TaskReportRecord {
  id: string;
  text: string;
  evidenceUrl: string | null;
  author: string;
  byPortal: boolean;
  status: TaskStatus | null;
  createdAt: string;
}

export interface TaskOccurrenceRecord {
  id: string;
  dueOn: string | null;
  status: TaskStatus;
  overdue: boolean;
  daysLeft: number | null;
  sequence: number;
  reportsCount: number;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  item: {
    id: string;
    number: string;
    text: string;
    recurrence: string;
    deadlineText?: string | null;
    protocol: { id: string; number: string; date: string; title?: string; region: { id: string; name: string } };
    owners: ItemOwner[];
  };
  reports?: TaskReportRecord[];
}

export interface OwnerContactRecord {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
  createdBy: string;
}

export interface TaskOwnerRecord {
  id: string;
  name: string;
  matched: boolean;
  itemsCount: number;
  region: { id: string; name: string };
  authority: { id: string; name: string } | null;
  contacts: OwnerContactRecord[];
}

/** «02.06.2017» from «2017-06-02». */
export const ruDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '—');

const DAYS = ['день', 'дня', 'дней'] as const;

/** «просрочено на 5 дней» / «сегодня» / «через 3 дня» / «без срока»; for a task not done. */
export function deadlineState(occurrence: { dueOn: string | null; daysLeft: number | null; status: TaskStatus; overdue: boolean }): string {
  if (occurrence.status === 'DONE') return 'выполнено';
  if (occurrence.daysLeft === null) return 'без срока';
  if (occurrence.overdue) return `просрочено на ${countOf(-occurrence.daysLeft, DAYS)}`;
  if (occurrence.daysLeft === 0) return 'срок сегодня';
  return `через ${countOf(occurrence.daysLeft, DAYS)}`;
}

/** «3 из 5 (60%)». */
export function progressText(progress: TaskProgress): string {
  if (progress.total === 0) return '—';
  return `${progress.done} из ${progress.total} (${Math.round((progress.progress ?? 0) * 100)}%)`;
}

/** The owners' names, each once (own and inherited). */
export const ownerNames = (owners: ItemOwner[]) => [...new Set(owners.map((owner) => owner.owner.name))].join('; ') || '—';

/** A long text cut at a word's end. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
