// The last day of each month of 2025, written out by hand: what a monthly duty due on the 31st falls on
// (taskSchedule.test.ts, pure; protocols.db.test.ts, imported from a protocol).
export const MONTH_ENDS_2025 = [
  '2025-01-31',
  '2025-02-28',
  '2025-03-31',
  '2025-04-30',
  '2025-05-31',
  '2025-06-30',
  '2025-07-31',
  '2025-08-31',
  '2025-09-30',
  '2025-10-31',
  '2025-11-30',
  '2025-12-31',
] as const;
