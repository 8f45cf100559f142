// The protocol parser against the real seed 004 and against broken copies of it. Expected values were
// read off the document by hand (the numbers, deadlines, owners and the 30 attendees), not produced by
// the parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  effectiveOwners,
  flattenItems,
  type ParsedItem,
  parseDeadline,
  parseProtocolDocument,
  ProtocolDocumentError,
} from '../../api/src/import/protocolDocument.ts';

const seedPath = fileURLToPath(new URL('../../prisma/seeds/protocol-kbr-2017-06-02-3.txt', import.meta.url));
const text = readFileSync(seedPath, 'utf8');
const protocol = parseProtocolDocument(text);
const items = flattenItems(protocol.items);
const item = (number: string): ParsedItem => {
  const found = items.find((i) => i.number === number);
  if (!found) throw new Error(`item ${number} not found`);
  return found;
};
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const KBR = 'Кабардино-Балкарской Республики';
const ministries = {
  education: `Министерство образования, науки и по делам молодежи ${KBR}`,
  health: `Министерство здравоохранения ${KBR}`,
  culture: `Министерство культуры ${KBR}`,
  sport: `Министерство спорта ${KBR}`,
  labour: `Министерство труда, занятости и социальной защиты ${KBR}`,
};
const heads = `Главы местных администраций муниципальных районов и городских округов ${KBR}`;

/** Every deadline of the document, read by hand: item → [date, recurrence]. */
const DEADLINES: Record<string, [string, string]> = {
  '2.1': ['2017-06-15', 'NONE'],
  '2.2': ['2017-06-15', 'NONE'],
  '3.1': ['2017-08-20', 'NONE'],
  '3.2': ['2017-08-30', 'NONE'],
  '3.3': ['2017-09-10', 'NONE'],
  '3.4': ['2017-11-01', 'NONE'],
  '3.5': ['2017-07-15', 'MONTHLY'],
  '5.1': ['2017-06-20', 'NONE'],
  '5.2': ['2017-06-20', 'MONTHLY'],
  '5.3': ['2017-09-20', 'NONE'],
  '5.4': ['2017-11-20', 'NONE'],
};

describe('parseProtocolDocument on seed 004', () => {
  it('reads the heading, the chair, the agenda, the controller and the signatory', () => {
    expect(protocol.number).toBe('3');
    expect(protocol.date).toBe('2017-06-02');
    expect(protocol.title).toBe(
      `Протокол совещания у Заместителя Председателя Правительства ${KBR} по реализации Указа Президента Российской Федерации «О мероприятиях по реализации государственной социальной политики» от 7 мая 2012 года №597 в части проведения независимой оценки качества`,
    );
    expect(protocol.chair).toBe('Ахохов Т.Б.');
    expect(protocol.agenda).toBe(
      'О реализации Указа Президента Российской Федерации «О мероприятиях по реализации государственной социальной политики» от 7 мая 2012 г. № 597 в части проведения независимой оценки качества',
    );
    expect(protocol.speakers).toEqual(['Тюбеев', 'Тохтамышев', 'Полиенко', 'Лутова', 'Карданов', 'Афашокова', 'Голованова', 'Ворокова']);
    expect(protocol.controller).toBe(`Министерство труда, занятости и социальной защиты ${KBR} (Тюбеев А.И.)`);
    expect(protocol.issuer).toBe(`Заместитель Председателя Правительства ${KBR}`);
    expect(protocol.signedBy).toBe('Т. Ахохов');
  });

  it('reads the 30 attendees with their positions, the slipped column at Карданов Р.М. included', () => {
    expect(protocol.attendees).toHaveLength(30);
    expect(protocol.attendees[0]).toEqual({
      name: 'Афаунов М.Т.',
      position: 'заместитель главы местной администрации по социальным вопросам Лескенского муниципального района',
    });
    const byName = new Map(protocol.attendees.map((a) => [a.name, a.position]));
    expect(byName.get('Карданов Р.М.')).toBe(
      'и.о. заместителя главы местной администрации Черекского муниципального района – начальник МКУ «Управление финансами Черекского муниципального района»',
    );
    expect(byName.get('Карданова Ф.А.')).toBe('первый заместитель главы местной администрации г.о. Баксан');
    expect(byName.get('Ульбашев И.Х.')).toBe('заместитель главы местной администрации г.о. Нальчик');
    expect(byName.get('Тюбеев А.И.')).toBe('министр труда, занятости и социальной защиты КБР');
    expect(protocol.attendees.at(-1)).toEqual({
      name: 'Эдгулова З.Х.',
      position: 'заместитель начальника МКУ «Управление образования местной администрации Лескенского муниципального района»',
    });
  });

  it('reads 5 items and 11 sub-items in order', () => {
    expect(protocol.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(items.map((i) => i.number)).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '4',
      '5',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
    ]);
    expect(item('2').items.map((i) => i.number)).toEqual(['2.1', '2.2']);
    expect(item('3').items).toHaveLength(5);
    expect(item('5').items).toHaveLength(4);
  });

  it('reads every deadline and the two monthly duties, and items 1–5 without one', () => {
    const found = Object.fromEntries(items.filter((i) => i.deadline).map((i) => [i.number, [i.deadline, i.recurrence]]));
    expect(found).toEqual(DEADLINES);
    expect(item('3.5').deadlineText).toBe('к 15 июля 2017 г., далее – ежемесячно.');
    expect(item('3.5').deadlineLine).toBe(lineOf('Срок: к 15 июля 2017 г.'));
    for (const n of ['1', '2', '3', '4', '5']) expect(item(n).deadline).toBeNull();
  });

  it('joins an item split by a page break and keeps the text of each', () => {
    expect(item('3.2').text).toContain(
      'Отчет организации-оператора о результатах проведения независимой оценки качества и протокол общественного совета',
    );
    expect(item('2').text).toContain('Министерству здравоохранения Кабардино-Балкарской Республики Расторгуева С.А)');
    expect(item('3.5').text).toBe(
      'Обеспечить представление информации о ходе реализации планов по итогам проведения независимой оценки качества в 2016г.',
    );
  });

  it('reads the references to the appendix with their numbers', () => {
    const refs = Object.fromEntries(items.filter((i) => i.recommendations.length).map((i) => [i.number, i.recommendationNumbers]));
    expect(refs).toEqual({ '2.2': [1], '3.1': [2], '3.2': [3], '3.3': [4], '3.4': [5], '5.1': [6] });
    expect(item('2.2').recommendations).toEqual(['п. 1 приложения к протоколу']);
    expect(protocol.appendix?.startsWith('Приложение')).toBe(true);
    expect(protocol.appendix).toContain('Методические рекомендации в соответствии с пунктами Протокола');
    // The appendix as given holds recommendations 1–4 only.
    expect(protocol.appendixRecommendations).toEqual([1, 2, 3, 4]);
  });

  it('names the owners in the nominative, with the people in brackets apart, and sub-items inherit them', () => {
    expect(item('1').owners).toEqual([]);
    expect(item('2').owners.map((o) => o.name)).toEqual([
      ministries.education,
      ministries.health,
      ministries.culture,
      ministries.sport,
      ministries.labour,
      heads,
    ]);
    expect(item('2').owners[0]).toEqual({
      asWritten: `Министерству образования, науки и по делам молодежи ${KBR}`,
      name: ministries.education,
      persons: 'Емузова Н.Г.',
    });
    expect(item('2').owners[1]!.persons).toBe('Расторгуева С.А');
    expect(item('2').owners[5]!.persons).toMatch(/^Алакаев А\.М\., Мамхегов х\.Х\., .*Залиханов К\. Х-О\.$/);
    // «Уполномоченным … органам …, ответственным за … – Министерству …»: the bodies after the dash.
    expect(item('3').owners.map((o) => o.name)).toEqual([
      ministries.health,
      ministries.culture,
      ministries.education,
      ministries.sport,
      ministries.labour,
    ]);
    // A leaf addressed before its verb.
    expect(item('4').owners.map((o) => o.name)).toEqual([ministries.culture, ministries.education, ministries.sport]);
    expect(item('5').owners.map((o) => o.name)).toEqual([ministries.labour]);
    const effective = effectiveOwners(protocol.items);
    expect(effective.get('3.5')).toMatchObject({ inherited: true });
    expect(effective.get('3.5')!.owners.map((o) => o.name)).toHaveLength(5);
    expect(effective.get('5.2')!.owners.map((o) => o.name)).toEqual([ministries.labour]);
    expect(effective.get('1')).toEqual({ owners: [], inherited: false });
  });
});

describe('deadline lines', () => {
  it('reads the forms of seed 004 and the other periods', () => {
    expect(parseDeadline('Срок: 15 июня 2017 г.', 1)).toEqual({ deadline: '2017-06-15', recurrence: 'NONE', text: '15 июня 2017 г.' });
    expect(parseDeadline('Срок: к 15 июля 2017 г., далее – ежемесячно.', 1)).toMatchObject({ deadline: '2017-07-15', recurrence: 'MONTHLY' });
    expect(parseDeadline('Срок: до 31 марта 2018 года, далее - ежеквартально', 1)).toMatchObject({ deadline: '2018-03-31', recurrence: 'QUARTERLY' });
    expect(parseDeadline('Срок: 29 февраля 2024 г., далее — ежегодно', 1)).toMatchObject({ deadline: '2024-02-29', recurrence: 'YEARLY' });
  });

  it.each([
    ['Срок: 15 июнь 2017 г.', /не удалось прочитать срок/],
    ['Срок: 31 июня 2017 г.', /нет такой даты: 31 июня 2017/],
    ['Срок: 29 февраля 2017 г.', /нет такой даты/],
    ['Срок: 15 июня 2017 г., далее – еженедельно', /непонятная периодичность «еженедельно»/],
    ['Срок: в течение года', /не удалось прочитать срок/],
    ['Срок: 15.06.2017', /не удалось прочитать срок/],
  ])('refuses «%s» naming its line', (line, message) => {
    expect(() => parseDeadline(line, 42)).toThrow(ProtocolDocumentError);
    expect(() => parseDeadline(line, 42)).toThrow(message);
    expect(() => parseDeadline(line, 42)).toThrow(/^Строка 42: /);
  });
});

describe('a broken document is refused with the line', () => {
  const broken = (from: string, to: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };
  const refusal = (source: string) => {
    try {
      parseProtocolDocument(source);
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolDocumentError);
      return (error as Error).message;
    }
    throw new Error('the document was accepted');
  };

  it('a «Срок:» line that does not read', () => {
    const line = lineOf('Срок: 1 ноября 2017 г.');
    expect(refusal(broken('Срок: 1 ноября 2017 г.', 'Срок: 1 ноябрь 2017'))).toBe(
      `Строка ${line}: не удалось прочитать срок «Срок: 1 ноябрь 2017»: ожидалось «Срок: 15 июня 2017 г.» или «Срок: к 15 июля 2017 г., далее – ежемесячно» (ежеквартально, ежегодно).`,
    );
  });

  it('a date that does not exist', () => {
    expect(refusal(broken('Срок: 30 августа 2017 г.', 'Срок: 31 сентября 2017 г.'))).toMatch(
      new RegExp(`^Строка ${lineOf('Срок: 30 августа 2017 г.')}: .*нет такой даты`),
    );
  });

  it('a skipped or repeated number', () => {
    expect(refusal(broken('3.3. Обеспечить размещение', '3.4. Обеспечить размещение'))).toBe(
      `Строка ${lineOf('3.3. Обеспечить размещение')}: пункт 3.4 стоит после пункта 3.2: ожидался 3.3.`,
    );
    expect(refusal(broken('4. Министерству культуры', '3. Министерству культуры'))).toMatch(/пункт 3 стоит после пункта 3: ожидался 4/);
  });

  it('a sub-item without its item, a second deadline, text after a deadline', () => {
    expect(refusal(broken('5. Министерству труда, занятости и социальной защиты Кабардино-Балкарской Республики:', ''))).toMatch(
      /подпункт 5\.1 стоит без пункта 5|пункт 5\.1/,
    );
    expect(refusal(broken('Срок: 20 ноября 2017 г.', 'Срок: 20 ноября 2017 г.\nСрок: 21 ноября 2017 г.'))).toMatch(
      new RegExp(`^Строка ${lineOf('Срок: 20 ноября 2017 г.') + 1}: второй срок у пункта 5\\.4`),
    );
    expect(refusal(broken('Срок: 20 сентября 2017 г.', 'Срок: 20 сентября 2017 г.\nи ещё что-то'))).toMatch(
      new RegExp(`^Строка ${lineOf('Срок: 20 сентября 2017 г.') + 1}: текст «и ещё что-то» после срока`),
    );
  });

  it('no heading, no date, no number', () => {
    expect(refusal(broken('# ПРОТОКОЛ', 'Документ'))).toMatch(/Не найден заголовок «ПРОТОКОЛ»/);
    expect(refusal(broken('от 2 июня 2017 г.', 'от 2 июнь 2017 г.'))).toMatch(
      new RegExp(`^Строка ${lineOf('от 2 июня 2017 г.')}: не удалось прочитать дату`),
    );
    expect(refusal(broken('№ 3', 'без номера'))).toMatch(/ожидался номер протокола/);
  });
});
