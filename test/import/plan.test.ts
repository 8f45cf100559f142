// The plan document parser against the real seed 001 and against broken copies of it.
// Expected values were read off the document by hand, not produced by the parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument, PlanDocumentError, type ParsedActivity, type ParsedPlan } from '../../api/src/import/planDocument.ts';

const seedPath = fileURLToPath(new URL('../../prisma/seeds/federal-plan-2016-2018.txt', import.meta.url));
const text = readFileSync(seedPath, 'utf8');
const plan = parsePlanDocument(text);

function activity(p: ParsedPlan, number: string): ParsedActivity {
  const found = p.activities.flatMap((a) => [a, ...a.items]).find((a) => a.number === number);
  if (!found) throw new Error(`activity ${number} not found`);
  return found;
}

const activity1Owners = ['Вовченко А.В.', 'Петрова С.В.', 'Воронин Ф.И.', 'Общественный совет при Минтруде России'];

describe('parsePlanDocument on seed 001', () => {
  it('reads the plan heading', () => {
    expect(plan.code).toBe('mintrud-nok-2016-2018');
    expect(plan.title).toBe(
      'План Министерства труда и социальной защиты Российской Федерации по организации проведения независимой оценки качества оказания услуг организациями социального обслуживания в 2016-2018 годах',
    );
    expect(plan.yearFrom).toBe(2016);
    expect(plan.yearTo).toBe(2018);
    expect(plan.approvedBy).toBe('Приказ Минтруда России от … февраля 2016 года № …');
  });

  it('reads the three target indicators with the 2015 report value and the 2016–2018 targets', () => {
    expect(plan.indicators).toEqual([
      {
        number: 1,
        name: 'Доля организаций, в отношении которых проведена независимая оценка в отчетном году, от общего количества организаций социального обслуживания',
        unit: '%',
        baseYear: 2015,
        baseValue: '50.5',
        targets: [
          { year: 2016, min: '45', max: '50' },
          { year: 2017, min: '45', max: '50' },
          { year: 2018, min: '45', max: '50' },
        ],
      },
      {
        number: 2,
        name: 'Число субъектов Российской Федерации, на официальных сайтах которых обеспечена техническая возможность выражения мнения граждан о качестве оказанных услуг (размещение анкеты для интернет-опроса)',
        unit: 'число субъектов',
        baseYear: 2015,
        baseValue: '49',
        targets: [
          { year: 2016, min: '60', max: '60' },
          { year: 2017, min: '70', max: '70' },
          { year: 2018, min: '83', max: '83' },
        ],
      },
      {
        number: 3,
        name: 'Проведение заседаний Общественного совета при Минтруде России по вопросам независимой оценки с заслушиванием отчетов руководителей органов социальной защиты не менее трех субъектов Российской Федерации (руководителей организаций социального обслуживания)',
        unit: 'число заседаний',
        baseYear: 2015,
        baseValue: '4',
        targets: [
          { year: 2016, min: '4', max: '4' },
          { year: 2017, min: '4', max: '4' },
          { year: 2018, min: '4', max: '4' },
        ],
      },
    ]);
  });

  it('finds exactly 18 top-level activities, numbered 1 to 18', () => {
    expect(plan.activities.map((a) => a.number)).toEqual(Array.from({ length: 18 }, (_, k) => String(k + 1)));
  });

  it('finds all 17 sub-items: 12 under activity 1 (one printed without a number), 5 under activity 6', () => {
    // Read off the document: 1.1–1.6, an unnumbered row (III квартал 2017), 1.7–1.11; then 6.1–6.5.
    expect(plan.activities.reduce((sum, a) => sum + a.items.length, 0)).toBe(17);
    expect(activity(plan, '1').items.map((a) => a.number)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.6а',
      '1.7',
      '1.8',
      '1.9',
      '1.10',
      '1.11',
    ]);
    expect(activity(plan, '6').items.map((a) => a.number)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5']);
    for (const a of plan.activities) if (a.number !== '1' && a.number !== '6') expect(a.items).toEqual([]);
    // Cross-check on the raw text: 16 cells hold a sub-item number ("6.3" has no final dot).
    expect(text.match(/^\t\d+\.\d+\.?$/gm)).toHaveLength(16);
  });

  it('puts activities 1–12 (and all sub-items) at the federal level and 13–18 at the regional level', () => {
    const all = plan.activities.flatMap((a) => [a, ...a.items]);
    expect(all.filter((a) => a.level === 'FEDERAL')).toHaveLength(29);
    expect(all.filter((a) => a.level === 'REGIONAL').map((a) => a.number)).toEqual(['13', '14', '15', '16', '17', '18']);
  });

  it('reads activity 1 with its quarterly schedule and four owners', () => {
    const a = activity(plan, '1');
    expect(a.title).toMatch(/^Организация проведения заседаний Общественного совета при Минтруде России по вопросам проведения независимой оценки/);
    expect(a.title).toMatch(/с участием руководителей органов социального защиты субъектов Российской Федерации:$/);
    expect(a.form).toBe('Заседания и решения Общественного совета');
    expect(a.schedule).toBe('1 раз в квартал в течение 2016-2018 гг.');
    expect(a.owners).toEqual(activity1Owners);
    expect(a.ownersInherited).toBe(false);
  });

  it('gives sub-items 1.1–1.11 the owners of activity 1 (their owners cell is merged into the parent one)', () => {
    for (const item of activity(plan, '1').items) {
      expect(item.owners).toEqual(activity1Owners);
      expect(item.ownersInherited).toBe(true);
    }
    const first = activity(plan, '1.1');
    expect(first.title).toBe(
      'о функционировании системы независимой оценки качества работы организаций в сфере социального обслуживания в субъектах Российской Федерации в отчетном году и планах по развитию системы независимой оценки на предстоящий год с приглашением представителей регионов (итоги мониторинга)',
    );
    expect(first.form).toBe('Сообщение на заседании Общественного совета');
    expect(first.schedule).toBe('I квартал 2016 г., далее - ежегодно');
    expect(activity(plan, '1.11')).toMatchObject({
      title: 'о предложениях по совершенствованию системы независимой оценки качества оказания услуг организациями социального обслуживания',
      form: 'Нормативные правовые акты',
      schedule: 'IV квартал 2018 г.',
    });
  });

  it('keeps the unnumbered sub-item between 1.6 and 1.7 as 1.6а', () => {
    expect(activity(plan, '1.6а')).toMatchObject({
      numbered: false,
      title:
        'о практике рассмотрения органами социальной защиты субъектов Российской Федерации результатов независимой оценки и их учета при разработке мер по совершенствованию деятельности организаций социального обслуживания',
      form: 'Отчеты руководителей органов социальной защиты на заседании Общественного совета',
      schedule: 'III квартал 2017 г.',
      level: 'FEDERAL',
    });
    expect(activity(plan, '1.6').schedule).toBe('II квартал 2017 г.');
    expect(activity(plan, '1.7').schedule).toBe('IV квартал 2017 г.');
    expect(plan.activities.flatMap((a) => [a, ...a.items]).filter((a) => !a.numbered)).toHaveLength(1);
  });

  it('reads activity 2 with the order reference in its title', () => {
    expect(activity(plan, '2')).toMatchObject({
      title:
        'Актуализация показателей, характеризующих общие критерии независимой оценки качества оказания услуг организациями социального обслуживания (приказ Минтруда России от 8 декабря 2014 г. № 995н «Об утверждении показателей, характеризующих общие критерии оценки качества оказания услуг организациями социального обслуживания»)',
      form: 'Приказ Минтруда России',
      schedule: 'по мере необходимости',
      owners: ['Вовченко А.В.', 'Ельцова Л.Ю.', 'Петрова С.В.', 'Колбанов В.Ф.'],
      level: 'FEDERAL',
    });
  });

  it('keeps the list inside the title of activity 4 on separate lines', () => {
    const a = activity(plan, '4');
    expect(a.title.split('\n')).toEqual([
      'Размещение организациями социального обслуживания, подведомственными Минтруду России, информации о своей деятельности:',
      '- на своих официальных сайтах в сети «Интернет» информации, установленной приказом Минтруда России от 17 ноября 2014 г. № 886н;',
      '- на официальном сайте для размещения информации о государственных (муниципальных) учреждений в сети «Интернет» (bus.gov.ru) информации, установленной приказом Минфина России от 21 июля 2011 г. № 86н',
    ]);
    expect(a.form).toBe('размещение информации');
    expect(a.schedule).toBe('постоянно в течение 10 рабочих дней со дня создания, получения или изменения информации');
    expect(a.owners).toEqual(['организации социального обслуживания, подведомственные Минтруду России', 'Петрова С.В.']);
  });

  it('reads the owners of activity 5 as written, one per line', () => {
    expect(activity(plan, '5')).toMatchObject({
      form: 'План проведения мероприятий и информация о его реализации',
      schedule: 'ежегодно',
      owners: ['Вовченко А.В.', 'Ельцова Л.Ю.', 'Петров С.В.', 'Колбанов В.Ф.', 'Исянова М.С.'],
    });
  });

  it('reads activity 6 (no form) and its sub-items, which name their own owners', () => {
    expect(activity(plan, '6')).toMatchObject({
      title:
        'Организация и проведение независимой оценки качества оказания услуг организациями социального обслуживания, подведомственными Минтруду России:',
      form: null,
      schedule: 'ежегодно',
      owners: ['Общественный совет при Минтруде России', 'Петрова С.В.'],
    });
    expect(activity(plan, '6.1')).toMatchObject({
      form: 'Предложения Общественного совета (решение общественного совета)',
      schedule: 'I квартал (ежегодно)',
      owners: ['Общественный совет при Минтруде России', 'Петрова С.В.'],
      ownersInherited: false,
    });
    expect(activity(plan, '6.3')).toMatchObject({
      title:
        'проведение конкурса и заключение государственного контракта на выполнение работ, оказание услуг по сбору, обобщению и анализу информации о качестве оказания услуг организациями социального обслуживания; оформление Минтрудом России решения об определении оператора',
      form: 'Заключение государственного контракта',
      schedule: 'II квартал (ежегодно)',
      owners: ['Вовченко А.В.', 'Привезенцева С.В.', 'Воронин Ф.И.', 'Петрова С.В.'],
    });
    expect(activity(plan, '6.4')).toMatchObject({
      form: 'Отчет организации-оператора, решение Общественного совета',
      schedule: 'IV квартал (ежегодно)',
      owners: ['Общественный совет при Минтруде России'],
      ownersInherited: false,
    });
  });

  it('reads schedules that continue on several lines', () => {
    expect(activity(plan, '7').schedule).toBe('IV квартал (ежегодно) в течение месяца после поступления информации от Общественного совета');
    expect(activity(plan, '7').owners).toEqual(['Общественный совет при Минтруде России', 'Вовченко А.В.', 'Петрова С.В.']);
    expect(activity(plan, '8').schedule).toBe(
      'IV квартал (ежегодно) в течение 5 рабочих дней после поступления информации о результатах независимой оценки от Общественного совета',
    );
    expect(activity(plan, '11').schedule).toBe('в сроки, установленные планом мероприятий');
    expect(activity(plan, '12')).toMatchObject({ schedule: 'постоянно', owners: ['Ельцова Л.Ю.', 'Колбанов В.Ф.', 'Китин А.Г.'] });
  });

  it('reads the regional activities', () => {
    expect(activity(plan, '13')).toMatchObject({
      title:
        'Проведение видеоселекторных совещаний по вопросам проведения независимой оценки в субъектах Российской Федерации с участием руководителей органов социальной защиты субъектов Российской Федерации, руководителей организаций социального обслуживания и представителей общественных советов',
      form: 'Протокол совещания',
      schedule: 'ежеквартально',
      owners: ['Вовченко А.В.', 'Петрова С.В.', 'Китин А.Г.'],
      level: 'REGIONAL',
    });
    // "Колбанов В.Ф. Петрова С.В." stands on one line: two people.
    expect(activity(plan, '15').owners).toEqual(['Ельцова Л.Ю.', 'Вовченко А.В.', 'Колбанов В.Ф.', 'Петрова С.В.']);
    expect(activity(plan, '16')).toMatchObject({ form: 'Приказ Минтруда России', schedule: 'II квартал 2016 г.', level: 'REGIONAL' });
    expect(activity(plan, '17').owners).toEqual(['органы социальной защиты субъектов Российской Федерации']);
    expect(activity(plan, '18')).toMatchObject({
      title:
        'Проведение региональных совещаний по вопросам независимой оценки с участием заместителей руководителей регионов, руководителей органов социальной защиты субъектов Российской Федерации и представителей общественных советов',
      schedule: 'ежеквартально',
      owners: ['Вовченко А.В.', 'Ельцова Л.Ю.', 'Петрова С.В.', 'Колбанов В.Ф.'],
      level: 'REGIONAL',
    });
  });

  it('parses the same document with Windows line ends and a byte-order mark identically', () => {
    expect(parsePlanDocument(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(plan);
  });
});

describe('parsePlanDocument refuses broken documents', () => {
  const broken = (from: string, to: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };
  const refusal = (doc: string): PlanDocumentError => {
    try {
      parsePlanDocument(doc);
    } catch (error) {
      expect(error).toBeInstanceOf(PlanDocumentError);
      return error as PlanDocumentError;
    }
    throw new Error('the document was accepted');
  };

  it('refuses an indicator row with a missing value, naming the indicator and the line', () => {
    const error = refusal(broken('\t70\n\t83\n', '\t70\n'));
    // The "3." of the next row (line 34 once line 33 is gone) is taken for the 2018 value.
    expect(error.message).toMatch(/^Строка 34: Таблица целевых показателей: показатель 2, 2018 г\.: ожидалось число или диапазон/);
    expect(error.line).toBe(34);
    expect(error.message).toContain('найдено «3.»');
  });

  it('refuses a value that is not a number', () => {
    expect(refusal(broken('\t60\n', '\tшестьдесят\n')).message).toContain(
      'показатель 2, 2016 г.: ожидалось число или диапазон («45-50»), а найдено «шестьдесят»',
    );
  });

  it('refuses a range whose start is above its end', () => {
    expect(refusal(broken('\t50,5\n\t45-50\n', '\t50,5\n\t50-45\n')).message).toContain('в диапазоне «50-45» начало больше конца');
  });

  it('refuses a table without target years in its header', () => {
    expect(refusal(broken('\t2016г.\n\t2017г.\n\t2018г.\n', '')).message).toMatch(/в шапке должны быть год отчета и хотя бы один год/);
  });

  it('refuses indicators out of order and a missing part', () => {
    expect(refusal(broken('\t2.\n\tЧисло', '\t5.\n\tЧисло')).message).toContain('показатель № 5 стоит на месте показателя № 2');
    expect(refusal(broken('II. План мероприятий', 'План мероприятий')).message).toContain('Не найден раздел «II. План мероприятий»');
  });

  it('refuses an activity row whose columns are shifted', () => {
    // Activity 11 loses its form cell: its schedule becomes the form and the next number lands among the owners.
    const error = refusal(broken('\tИнформация о  результатах выполнения плана мероприятий\n', ''));
    expect(error.message).toBe('Строка 353: План мероприятий: мероприятие 11: столбцы сбились — вместо содержимого ячейки найдено «12.».');
    expect(refusal(broken('\tЗаседания и решения Общественного совета\n', '')).message).toContain(
      'мероприятие 1: столбцы сбились — вместо содержимого ячейки найдено «1.1.»',
    );
    expect(refusal(broken('\t1.1.\n', '')).message).toContain('ожидался номер мероприятия или заголовок уровня, а найдено «- о функционировании');
  });

  it('refuses a sub-item that does not follow its parent', () => {
    expect(refusal(broken('\t6.2.\n', '\t7.2.\n')).message).toContain('подпункт 7.2 стоит не под мероприятием 7');
  });
});
