// The task calendar and the roll-up, pure: recurring duties to the horizon with month ends kept
// (31st → 30th / 28th / 29th and back to the 31st), overdue by a given date, and progress over a tree.
import { describe, expect, it } from 'vitest';
import { isOverdue, rollUp } from '../../api/src/services/protocols.ts';
import { addMonths, daysBetween, horizonFrom, occurrenceDates } from '../../api/src/services/taskSchedule.ts';
import { MONTH_ENDS_2025 } from '../helpers/monthEnds.ts';

const d = (date: string) => new Date(`${date}T00:00:00Z`);

describe('recurring duties', () => {
  it('a monthly duty due on the 31st falls on the last day of shorter months, and on the 31st again', () => {
    expect(occurrenceDates('2025-01-31', 'MONTHLY', '2025-08-31')).toEqual(MONTH_ENDS_2025.slice(0, 8));
    expect(occurrenceDates('2024-01-31', 'MONTHLY', '2024-03-01')).toEqual(['2024-01-31', '2024-02-29']);
    expect(occurrenceDates('2024-01-30', 'MONTHLY', '2024-03-30')).toEqual(['2024-01-30', '2024-02-29', '2024-03-30']);
  });

  it('quarterly and yearly, counted from the first deadline (29 February → 28 February, and 29 again in a leap year)', () => {
    expect(occurrenceDates('2025-08-31', 'QUARTERLY', '2026-09-01')).toEqual(['2025-08-31', '2025-11-30', '2026-02-28', '2026-05-31', '2026-08-31']);
    expect(occurrenceDates('2024-02-29', 'YEARLY', '2028-12-31')).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('up to the horizon, 12 months after today; a single deadline is always there', () => {
    expect(horizonFrom('2026-12-02')).toBe('2027-12-02');
    expect(horizonFrom('2024-02-29')).toBe('2025-02-28');
    expect(occurrenceDates('2017-07-15', 'MONTHLY', horizonFrom('2026-12-02'))).toHaveLength(125);
    expect(occurrenceDates('2030-01-01', 'NONE', '2026-01-01')).toEqual(['2030-01-01']);
    expect(occurrenceDates('2030-01-01', 'MONTHLY', '2026-01-01')).toEqual(['2030-01-01']);
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(daysBetween('2026-12-02', '2026-12-15')).toBe(13);
    expect(daysBetween('2026-12-02', '2017-06-15')).toBe(-3457);
  });
});

describe('overdue', () => {
  it('is a date that has passed without the task done; the due day itself is not overdue', () => {
    expect(isOverdue({ dueOn: d('2025-02-28'), status: 'NOT_STARTED' }, '2025-02-28')).toBe(false);
    expect(isOverdue({ dueOn: d('2025-02-28'), status: 'IN_PROGRESS' }, '2025-03-01')).toBe(true);
    expect(isOverdue({ dueOn: d('2025-02-28'), status: 'DONE' }, '2025-03-01')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'NOT_STARTED' }, '2099-01-01')).toBe(false);
  });
});

describe('roll-up', () => {
  // 1 (no task) · 2 → 2.1, 2.2 · 3 → 3.1 (monthly), 3.2 → 3.2.1, 3.2.2 · 4 (undated task)
  const items = [
    { id: 1, parentId: null },
    { id: 2, parentId: null },
    { id: 21, parentId: 2 },
    { id: 22, parentId: 2 },
    { id: 3, parentId: null },
    { id: 31, parentId: 3 },
    { id: 32, parentId: 3 },
    { id: 321, parentId: 32 },
    { id: 322, parentId: 32 },
    { id: 4, parentId: null },
  ];
  const occurrence = (itemId: number, sequence: number, dueOn: string | null, status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' = 'NOT_STARTED') => ({
    itemId,
    sequence,
    dueOn: dueOn ? d(dueOn) : null,
    status,
  });

  it('a parent is the share of its task children done; a monthly task counts what is due by today', () => {
    const occurrences = [
      occurrence(21, 0, '2025-01-15', 'DONE'),
      occurrence(22, 0, '2025-01-20'),
      occurrence(31, 0, '2025-01-31', 'DONE'),
      occurrence(31, 1, '2025-02-28'),
      occurrence(31, 2, '2025-03-31'),
      occurrence(321, 0, '2025-06-01', 'DONE'),
      occurrence(322, 0, '2025-06-01', 'DONE'),
      occurrence(4, 0, null, 'IN_PROGRESS'),
    ];
    const progress = rollUp(items, occurrences, '2025-03-01');
    expect(progress.get(1)).toEqual({ status: null, progress: null, done: 0, total: 0, overdue: 0 });
    expect(progress.get(21)).toEqual({ status: 'DONE', progress: 1, done: 1, total: 1, overdue: 0 });
    expect(progress.get(22)).toEqual({ status: 'NOT_STARTED', progress: 0, done: 0, total: 1, overdue: 1 });
    expect(progress.get(2)).toEqual({ status: 'IN_PROGRESS', progress: 0.5, done: 1, total: 2, overdue: 1 });
    // 31: due by 1 March are 31 January (done) and 28 February (overdue); 31 March is not counted yet.
    expect(progress.get(31)).toEqual({ status: 'IN_PROGRESS', progress: 0.5, done: 1, total: 2, overdue: 1 });
    // 3.2's sub-items are both done before their date: 3.2 is done.
    expect(progress.get(32)).toEqual({ status: 'DONE', progress: 1, done: 2, total: 2, overdue: 0 });
    expect(progress.get(3)).toEqual({ status: 'IN_PROGRESS', progress: 0.5, done: 1, total: 2, overdue: 1 });
    expect(progress.get(4)).toEqual({ status: 'IN_PROGRESS', progress: 0, done: 0, total: 1, overdue: 0 });
    // The protocol (key 0): items 2, 3 and 4 are tasks, none done; item 1 is not counted.
    expect(progress.get(0)).toEqual({ status: 'IN_PROGRESS', progress: 0, done: 0, total: 3, overdue: 2 });

    // A month later the 31 March occurrence counts and is overdue too; done, 3.1 is still short of 28 February.
    const later = rollUp(
      items,
      occurrences.map((o) => (o.itemId === 31 && o.sequence === 2 ? { ...o, status: 'DONE' as const } : o)),
      '2025-04-01',
    );
    expect(later.get(31)).toEqual({ status: 'IN_PROGRESS', progress: 2 / 3, done: 2, total: 3, overdue: 1 });
  });

  it('everything done rolls up to a done protocol; nothing started stays not started', () => {
    const all = [occurrence(21, 0, '2025-01-15', 'DONE'), occurrence(22, 0, '2025-01-20', 'DONE')];
    const two = items.filter((i) => i.id === 2 || i.parentId === 2);
    expect(rollUp(two, all, '2025-03-01').get(0)).toEqual({ status: 'DONE', progress: 1, done: 1, total: 1, overdue: 0 });
    const none = all.map((o) => ({ ...o, status: 'NOT_STARTED' as const }));
    expect(rollUp(two, none, '2025-01-01').get(2)).toEqual({ status: 'NOT_STARTED', progress: 0, done: 0, total: 2, overdue: 0 });
    // A task whose first date is still ahead counts its first occurrence.
    expect(rollUp(two, none, '2025-01-01').get(21)).toEqual({ status: 'NOT_STARTED', progress: 0, done: 0, total: 1, overdue: 0 });
  });
});
