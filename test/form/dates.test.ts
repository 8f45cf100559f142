// Window dates as respondents read them: Moscow time, closesAt exclusive.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatWindow, moscowParts, windowNotice } from '../../admin/src/form/lib/dates.ts';

describe('the survey window', () => {
  it('words the 2021 window as the seed does', () => {
    expect(formatWindow('2021-11-08T00:00:00+03:00', '2021-11-19T00:00:00+03:00')).toBe('с 8 по 18 ноября 2021 года');
  });

  it('takes the same instants given in UTC (as the API returns them) to the same Moscow days', () => {
    expect(formatWindow('2021-11-07T21:00:00.000Z', '2021-11-18T21:00:00.000Z')).toBe('с 8 по 18 ноября 2021 года');
    expect(formatWindow(new Date('2021-11-07T21:00:00Z'), new Date('2021-11-18T21:00:00Z'))).toBe('с 8 по 18 ноября 2021 года');
  });

  it('names both months when the window spans two, and both years when it spans two', () => {
    expect(formatWindow('2023-08-30T00:00:00+03:00', '2023-09-19T00:00:00+03:00')).toBe('с 30 августа по 18 сентября 2023 года');
    expect(formatWindow('2023-12-25T00:00:00+03:00', '2024-01-11T00:00:00+03:00')).toBe('с 25 декабря 2023 года по 10 января 2024 года');
  });

  it('a window ending during a day includes that day; a one-day window is one date', () => {
    expect(formatWindow('2021-11-08T00:00:00+03:00', '2021-11-18T18:00:00+03:00')).toBe('с 8 по 18 ноября 2021 года');
    expect(formatWindow('2021-11-08T00:00:00+03:00', '2021-11-09T00:00:00+03:00')).toBe('8 ноября 2021 года');
  });

  it("uses Moscow time, not the computer's: 23:30 UTC on 7 November is 8 November in Moscow", () => {
    expect(moscowParts('2021-11-07T23:30:00Z')).toEqual({ year: 2021, month: 11, day: 8, hour: 2, minute: 30 });
    expect(formatDay('2021-11-07T23:30:00Z')).toBe('8 ноября 2021 года');
    expect(formatDateTime('2021-11-18T11:05:00Z')).toBe('18 ноября 2021 г. в 14:05');
  });

  it('says when the form opens, or that it has closed, and nothing while it is open', () => {
    const opens = '2021-11-08T00:00:00+03:00';
    const closes = '2021-11-19T00:00:00+03:00';
    expect(windowNotice('NOT_YET_OPEN', opens, closes)).toMatch(/^Заполнение анкеты откроется 8 ноября 2021 года \(00:00 по московскому времени\)/);
    expect(windowNotice('CLOSED', opens, closes)).toBe(
      'Приём ответов завершён: опрос проводился с 8 по 18 ноября 2021 года. Анкета доступна только для просмотра.',
    );
    expect(windowNotice('OPEN', opens, closes)).toBeNull();
  });
});
