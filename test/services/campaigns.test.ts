// How a survey window is written for people (Moscow time; closesAt is exclusive).
import { expect, it } from 'vitest';
import { windowState, windowText } from '../../api/src/survey/window.ts';

it('prints the window as seed 000 does', () => {
  expect(windowText(new Date('2021-11-08T00:00:00+03:00'), new Date('2021-11-19T00:00:00+03:00'))).toBe(
    'Срок проведения опроса с 8 по 18 ноября 2021 года',
  );
  expect(windowText(new Date('2023-08-30T00:00:00+03:00'), new Date('2023-09-19T00:00:00+03:00'))).toBe(
    'Срок проведения опроса с 30 августа по 18 сентября 2023 года',
  );
  expect(windowText(new Date('2025-12-20T00:00:00+03:00'), new Date('2026-01-16T00:00:00+03:00'))).toBe(
    'Срок проведения опроса с 20 декабря 2025 года по 15 января 2026 года',
  );
});

it('tells the window state by the clock', () => {
  const campaign = { state: 'PUBLISHED' as const, opensAt: new Date('2021-11-08T00:00:00+03:00'), closesAt: new Date('2021-11-19T00:00:00+03:00') };
  expect(windowState(campaign, new Date('2021-11-07T23:59:59+03:00'))).toBe('NOT_YET_OPEN');
  expect(windowState(campaign, new Date('2021-11-08T00:00:00+03:00'))).toBe('OPEN');
  expect(windowState(campaign, new Date('2021-11-18T23:59:59+03:00'))).toBe('OPEN');
  expect(windowState(campaign, new Date('2021-11-19T00:00:00+03:00'))).toBe('CLOSED');
  expect(windowState({ ...campaign, state: 'DRAFT' }, new Date('2021-11-10T00:00:00+03:00'))).toBe('DRAFT');
});
