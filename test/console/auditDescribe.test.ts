// The audit log in people's words (issue 13, item 5): the console's describe.ts names every stored
// key of the services' audit snapshots in Russian, shows statuses by their labels (a response's
// status is not a campaign's window), decimals with a comma, and a plan target by its indicator's
// printed number and year, not by the target's database id.
import { describe, expect, it } from 'vitest';
import { auditKeyLabels, auditSubject, changes, snapshotRows } from '../../admin/src/console/auditLogs/describe.ts';

describe('audit entries for people', () => {
  it('a plan target: «факт: — → 47,5» for «Показатель № 1, 2016 год»', () => {
    const entry = {
      subjectType: 'PlanTarget',
      subjectId: '2',
      before: { indicator: 1, year: 2016, actual: null },
      after: { indicator: 1, year: 2016, actual: '47.5' },
    };
    expect(changes(entry.before, entry.after)).toEqual([{ key: 'факт', from: '—', to: '47,5' }]);
    expect(auditSubject(entry)).toBe('Показатель № 1, 2016 год');
  });

  it('a reopened response: «статус: Отправлена → Заполняется», the version and the time by name', () => {
    const rows = changes(
      { status: 'SUBMITTED', version: 4, submittedAt: '2021-11-12T09:00:00.000Z' },
      { status: 'DRAFT', version: 5, submittedAt: null },
    );
    expect(rows).toEqual([
      { key: 'статус', from: 'Отправлена', to: 'Заполняется' },
      { key: 'версия', from: '4', to: '5' },
      { key: 'отправлена', from: '12.11.2021 12:00 МСК', to: '—' },
    ]);
  });

  it('a campaign window: its state by the campaign labels, dates in Moscow time', () => {
    expect(changes({ state: 'DRAFT', closesAt: '2021-11-18T20:59:59.000Z' }, { state: 'PUBLISHED', closesAt: '2021-11-25T20:59:59.000Z' })).toEqual([
      { key: 'состояние', from: 'Черновик', to: 'Опубликован' },
      { key: 'закрытие', from: '18.11.2021 23:59 МСК', to: '25.11.2021 23:59 МСК' },
    ]);
  });

  it('names regions and spheres when their names are loaded, and every key of the services’ snapshots', () => {
    const names = { regionId: new Map([['22', 'Алтайский край']]), sphereId: new Map([['1', 'Образование']]) };
    expect(changes({ name: 'Минобр', regionId: 22, sphereId: null }, { name: 'Минобрнауки', regionId: 22, sphereId: 1 }, names)).toEqual([
      { key: 'наименование', from: 'Минобр', to: 'Минобрнауки' },
      { key: 'сфера', from: '—', to: 'Образование' },
    ]);
    expect(snapshotRows({ disabledAt: null, linksRevoked: 2, sessionsEnded: 1 })).toEqual([
      { key: 'доступ закрыт', text: '—' },
      { key: 'ссылок отозвано', text: '2' },
      { key: 'сеансов завершено', text: '1' },
    ]);
    // The keys the services write (api/src/services/*: recordAudit's before/after).
    for (const key of [
      'opensAt',
      'closesAt',
      'state',
      'audience',
      'recipients',
      'status',
      'version',
      'submittedAt',
      'disabledAt',
      'linksRevoked',
      'sessionsEnded',
      'campaignCode',
      'to',
      'indicator',
      'year',
      'actual',
      'formId',
      'regionId',
      'sphereId',
      'text',
      'textSha256',
      'source',
      'name',
      'digest',
      'outcome',
      'sections',
      'questions',
      'options',
      'question',
    ]) {
      expect(auditKeyLabels[key], key).toMatch(/^[а-яёА-ЯЁ №]+$/);
    }
  });

  it('a task deadline’s status by the task labels, and the keys of tasks, owners and their reminders', () => {
    const subject = { region: 'RU-KB', protocol: '3', item: '2.1', dueOn: '2017-07-15' };
    expect(changes({ ...subject, status: 'NOT_STARTED' }, { ...subject, status: 'DONE' })).toEqual([
      { key: 'статус', from: 'Не начато', to: 'Выполнено' },
    ]);
    expect(snapshotRows(subject).map((row) => row.key)).toEqual(['регион', 'протокол №', 'пункт', 'срок']);
    expect(snapshotRows({ owner: 'Минтруд КБР', email: 'a@example.ru', authority: null }).map((row) => row.key)).toEqual([
      'исполнитель',
      'адрес',
      'орган власти',
    ]);
    for (const key of ['report', 'evidenceUrl', 'withinDays', 'contacts', 'overdue', 'upcoming']) {
      expect(auditKeyLabels[key], key).toMatch(/^[а-яёА-ЯЁ №,]+$/);
    }
  });
});
