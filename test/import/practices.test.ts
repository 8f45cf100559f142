// Parsing the best-practice table (seed 003). The expected numbers were counted from the file by hand
// and with a separate throw-away script, not taken from the parser's output.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePracticeTable, PracticeDocumentError, sha256, type ParsedPractice } from '../../api/src/import/practices.ts';

const seedText = readFileSync(fileURLToPath(new URL('../../prisma/seeds/best-practices.txt', import.meta.url)), 'utf8');
const practices = parsePracticeTable(seedText);

const countBy = (items: ParsedPractice[], key: (p: ParsedPractice) => string) => {
  const counts: Record<string, number> = {};
  for (const p of items) counts[key(p)] = (counts[key(p)] ?? 0) + 1;
  return counts;
};
const inRow = (line: number) => practices.filter((p) => p.line === line);

const ACCOUNTING = 'Учет результатов НСОК';
const PUBLIC = 'Публичные мероприятия по реализации НСОК';

// Forms in document order, with their group, table rows and practices.
const forms: [group: string, form: string, rows: number, practices: number][] = [
  [ACCOUNTING, 'Разработка и совершенствование региональных стандартов обслуживания населения', 1, 1],
  [ACCOUNTING, 'Реорганизация, оптимизация структуры сети и организаций', 7, 8],
  [ACCOUNTING, 'Развитие инфраструктуры', 2, 2],
  [ACCOUNTING, 'Проведение внеплановых контрольных проверок, самообследования, независимой диагностики', 7, 7],
  [ACCOUNTING, 'Аутсорсинг обеспечивающих функций', 1, 1],
  [ACCOUNTING, 'Повышение уровня "доступности" среды и развитие МТБ', 2, 2],
  [ACCOUNTING, 'Кадровые перестановки', 2, 6],
  [ACCOUNTING, 'Улучшение условий труда персонала организаций, рационализация нагрузки на персонал', 1, 1],
  [ACCOUNTING, 'Аттестация руководителей и работников', 5, 5],
  [ACCOUNTING, 'Наставничество, методическая помощь', 2, 2],
  [ACCOUNTING, 'Нематериальное стимулирование работников и руководителей (как поощрения, так и санкции)', 7, 11],
  [ACCOUNTING, 'Взаимодействие с общественными организациями, социально-ориентированными некоммерческими организациями', 1, 1],
  [ACCOUNTING, 'Установления диалога между организациями и потребителями социальных услуг', 1, 1],
  [ACCOUNTING, 'Планирование, разработка программ развития региона и пр.', 5, 9],
  [
    ACCOUNTING,
    'Распределение и корректировка объемов субсидий на муниципальном уровне и уровне организаций, в т.ч. на выполнение госзадания (увеличение/ уменьшение)',
    6,
    7,
  ],
  [ACCOUNTING, 'Учет результатов НСОК при распределении средств грантовой поддержки, конкурсных процедурах и пр.', 3, 7],
  [ACCOUNTING, 'Включение итогов рейтинга в ключевые показатели эффективности деятельности организаций', 3, 7],
  [ACCOUNTING, 'Установление уровня/коэффициента оплаты труда руководителя/работников в рамках эффективного контракта', 6, 7],
  [ACCOUNTING, 'Премирование/ депремирование руководителей, стимулирующие выплаты', 18, 32],
  [PUBLIC, 'Проведение обучающих семинаров по вопросам повышения качества оказания услуг', 7, 9],
  [PUBLIC, 'Организация обмена опытом с лучшими по итогам рейтинга, проведение круглых столов, иных научно-практических мероприятий', 4, 8],
  [PUBLIC, 'Проведение обучающих мероприятий по изучению и развитию эффективных методов оценки качества', 3, 6],
  [PUBLIC, 'Организация "прямой линии" с руководством', 1, 1],
  [PUBLIC, 'Информационно-разъяснительные мероприятия', 8, 14],
  [PUBLIC, 'Тематические публикации, в т.ч. в СМИ', 5, 7],
];

// Practices per region, keyed as the region is written in the document.
const perRegion: Record<string, number> = {
  'Алтайский край': 5,
  'Архангельская область': 8,
  'Астраханская область': 4,
  'Белгородская область': 2,
  'Владимирская область': 6,
  'Волгоградская область': 20,
  'Забайкальский край': 1,
  'Ивановская область': 2,
  'Иркутская область': 1,
  'Калининградская область': 2,
  'Калужская область': 1,
  'Кемеровская область': 1,
  'Краснодарский край': 1,
  'Ленинградская область': 1,
  Москва: 2,
  'Новосибирская область': 4,
  'Омская область': 1,
  'Оренбургская область': 6,
  'Приморский край': 10,
  'Псковская область': 3,
  'Республика Башкортостан': 19,
  'Республика Бурятия': 3,
  'Республика Коми': 2,
  'Республика Марий Эл': 3,
  'Республика Саха-Якутия': 3,
  'Республика Тыва': 10,
  'Рязанская область': 2,
  'Самарская область': 9,
  'Смоленская область': 4,
  'Ставропольский край': 2,
  'Тамбовская область': 6,
  'Тульская область': 2,
  'Удмуртская Республика': 3,
  'Ханты-Мансийский АО': 6,
  'Чеченская Республика': 2,
  'Чувашская республика': 4,
  'Ярославская область': 1,
};

describe('parsePracticeTable on seed 003', () => {
  it('reads 108 table rows holding 162 practices (119 filled cells, 11 of them merged across spheres)', () => {
    expect(practices).toHaveLength(162);
    expect(new Set(practices.map((p) => p.row)).size).toBe(108);
    expect(practices[0]!.row).toBe(1);
    expect(practices.at(-1)!.row).toBe(108);
    // A merged cell yields one practice per sphere it spans.
    expect(practices.reduce((cells, p) => cells + 1 / p.span, 0)).toBeCloseTo(119, 9);
    const merged = new Set(practices.filter((p) => p.span > 1).map((p) => p.line));
    expect(merged.size).toBe(11);
    // Rows are numbered in document order without gaps.
    const rows = [...new Set(practices.map((p) => p.row))];
    expect(rows).toEqual(Array.from({ length: 108 }, (_, i) => i + 1));
  });

  it('counts practices per group and per sphere', () => {
    expect(countBy(practices, (p) => p.group)).toEqual({ [ACCOUNTING]: 117, [PUBLIC]: 45 });
    expect(countBy(practices, (p) => p.sphereCode)).toEqual({ health: 36, education: 42, social: 55, culture: 17, sport: 12 });
  });

  it('finds the 25 forms in document order, each under its group, with their rows and practices', () => {
    const seen: [string, string][] = [];
    for (const p of practices) {
      if (!seen.some(([g, f]) => g === p.group && f === p.form)) seen.push([p.group, p.form]);
    }
    expect(seen).toEqual(forms.map(([group, form]) => [group, form]));
    const rowsPerForm = new Map<string, Set<number>>();
    for (const p of practices) rowsPerForm.set(p.form, (rowsPerForm.get(p.form) ?? new Set()).add(p.row));
    expect(Object.fromEntries([...rowsPerForm].map(([f, s]) => [f, s.size]))).toEqual(
      Object.fromEntries(forms.map(([, form, rows]) => [form, rows])),
    );
    expect(countBy(practices, (p) => p.form)).toEqual(Object.fromEntries(forms.map(([, form, , n]) => [form, n])));
    expect(forms.filter(([g]) => g === ACCOUNTING)).toHaveLength(19);
    expect(forms.filter(([g]) => g === PUBLIC)).toHaveLength(6);
  });

  it('counts practices per region (37 regions, names as written)', () => {
    expect(countBy(practices, (p) => p.regionName)).toEqual(perRegion);
    expect(Object.keys(perRegion)).toHaveLength(37);
    // Names are trimmed ("Алтайский край " and "Республика Бурятия " carry a trailing space in the file).
    for (const p of practices) expect(p.regionName).toBe(p.regionName.trim());
  });

  it('reads the first row: a multi-line health text, line breaks kept and trailing spaces dropped', () => {
    expect(practices[0]).toEqual({
      row: 1,
      line: 16,
      group: ACCOUNTING,
      form: 'Разработка и совершенствование региональных стандартов обслуживания населения',
      regionName: 'Чувашская республика',
      sphereCode: 'health',
      text:
        'Разработка стандарта комфортности в зависимости от специфики учреждения здравоохранения и потребностей определенных групп пациентов.\n' +
        'Разработка внутриучрежденческого стандарта организации телефонного консультирования.\n' +
        'Разработка стандарта отношения к пациенту (этического кодекса) для всех уровней медицинского персонала',
      span: 1,
    });
  });

  it('continues the form of the row above when the form cell is blank', () => {
    expect(inRow(34)).toEqual([
      expect.objectContaining({
        row: 3,
        form: 'Реорганизация, оптимизация структуры сети и организаций',
        regionName: 'Архангельская область',
        sphereCode: 'social',
      }),
    ]);
    expect(inRow(34)[0]!.text).toMatch(/^В отношении учреждений, получивших самый низкий балл, рассмотрен вопрос о реорганизации\..*«Скворушка»\.$/s);
    // The first row of the second group names its form again.
    expect(inRow(657)).toEqual([
      expect.objectContaining({
        group: PUBLIC,
        form: 'Проведение обучающих семинаров по вопросам повышения качества оказания услуг',
        regionName: 'Алтайский край',
        sphereCode: 'education',
      }),
    ]);
  });

  it('keeps a blank line inside a cell and puts the text in its sphere column', () => {
    expect(inRow(42)).toEqual([
      {
        row: 4,
        line: 42,
        group: ACCOUNTING,
        form: 'Реорганизация, оптимизация структуры сети и организаций',
        regionName: 'Оренбургская область',
        sphereCode: 'education',
        text:
          'По результатам НСОК Министерство образования Оренбургской области признает деятельность образовательной организации эффективной или готовит предложения о:\n' +
          '- создании государственной автономной организации\n' +
          '- ликвидации организации\n' +
          '\n' +
          '- исключении (полностью или частично) государственных услуг, качество которых не соответствует требованиям действующего законодательства и др.',
        span: 1,
      },
    ]);
  });

  it('reads two practices of one row in their own columns (social and culture)', () => {
    const row = inRow(83);
    expect(row.map((p) => [p.row, p.regionName, p.sphereCode])).toEqual([
      [8, 'Рязанская область', 'social'],
      [8, 'Рязанская область', 'culture'],
    ]);
    expect(row[0]!.text).toMatch(
      /^В отношении учреждений социального обслуживания, занявших нижние строки в рейтинге.*Пителинский комплексный центр\)$/,
    );
    expect(row[1]!.text).toMatch(/^С учетом предложений общественного совета.*«Поморская филармония» в качестве структурного подразделения\.$/);
  });

  it('puts a text in the last column (sport)', () => {
    expect(inRow(545)).toEqual([
      expect.objectContaining({
        row: 66,
        form: 'Премирование/ депремирование руководителей, стимулирующие выплаты',
        regionName: 'Кемеровская область',
        sphereCode: 'sport',
        text: 'Результаты НСОК учитываются при стимулировании оплаты труда руководителей государственных учреждений подведомственных Департаменту молодежной политики и спорта области',
      }),
    ]);
  });

  it('spreads a cell merged across all five spheres to each of them', () => {
    const row = inRow(201);
    expect(row.map((p) => p.sphereCode)).toEqual(['health', 'education', 'social', 'culture', 'sport']);
    for (const p of row) {
      expect(p).toMatchObject({
        row: 22,
        form: 'Кадровые перестановки',
        regionName: 'Волгоградская область',
        span: 5,
        text: 'Результаты НСОК учитываются при выработке и принятии управленческих решений в отношении соответствующих кадровых перестановок',
      });
    }
    // The ten rows of a single text for all five spheres.
    const single = [...new Set(practices.filter((p) => p.span === 5).map((p) => `${p.line} ${p.regionName}`))];
    expect(single).toEqual([
      '201 Волгоградская область',
      '300 Республика Башкортостан',
      '364 Волгоградская область',
      '440 Волгоградская область',
      '460 Приморский край',
      '587 Волгоградская область',
      '599 Республика Башкортостан',
      '619 Приморский край',
      '723 Архангельская область',
      '798 Республика Башкортостан',
    ]);
  });

  it('reads the Тыва row whose first cell spans four spheres and whose sport cell is empty', () => {
    const row = inRow(765);
    expect(row.map((p) => p.sphereCode)).toEqual(['health', 'education', 'social', 'culture']);
    for (const p of row) {
      expect(p).toMatchObject({
        row: 94,
        group: PUBLIC,
        form: 'Проведение обучающих мероприятий по изучению и развитию эффективных методов оценки качества',
        regionName: 'Республика Тыва',
        span: 4,
        text: 'Повышение квалификации работников организаций в сфере культуры,\nсоциального обслуживания, охраны здоровья и образования',
      });
    }
  });

  it('continues the region of the row above when both form and region cells are blank', () => {
    expect(inRow(798).map((p) => [p.row, p.regionName, p.sphereCode, p.text])).toEqual(
      ['health', 'education', 'social', 'culture', 'sport'].map((s) => [98, 'Республика Башкортостан', s, 'Проведение круглых столов']),
    );
    expect(inRow(802).map((p) => [p.row, p.form, p.regionName, p.sphereCode])).toEqual([
      [99, 'Информационно-разъяснительные мероприятия', 'Республика Башкортостан', 'health'],
      [99, 'Информационно-разъяснительные мероприятия', 'Республика Башкортостан', 'social'],
    ]);
    expect(inRow(802)[0]!.text).toBe(
      'Размещение информационных стендов в медицинских организациях, работа медицинского персонала по информированию населения о проведении анкетирования',
    );
    expect(inRow(802)[1]!.text).toMatch(/^В ноябре-декабре 2014 г\. учреждениями соцобслуживания .*через опросы\.$/);
  });

  it('reads long multi-line cells of a row in two columns', () => {
    const row = inRow(839);
    expect(row.map((p) => [p.row, p.regionName, p.sphereCode])).toEqual([
      [103, 'Самарская область', 'health'],
      [103, 'Самарская область', 'social'],
    ]);
    expect(row[0]!.text.split('\n')).toHaveLength(2);
    expect(row[0]!.text).toMatch(/^20 ноября 2014 года членами общественного совета проведен\nбрифинг, .*«63\.ру» и др\.$/);
    expect(row[1]!.text.split('\n')).toEqual([
      'На всех заседаниях общественного совета присутствовали',
      'представители средств массовой информации, общественные и научные',
      'эксперты. К освещению независимой оценки качества и работы общественного совета привлекались местные телерадиокомпании,',
      'информация размещается в новостных лентах региональных Интернет-сайтов.',
      'Общественные эксперты, в том числе представители средств массовой',
      'информации, которые входят в состав попечительских/ общественных советов',
      'организаций, освещают это направление деятельности в своих общественных',
      'организациях и местных средств массовой информации.',
    ]);
  });

  it('reads the last row', () => {
    expect(practices.at(-1)).toEqual({
      row: 108,
      line: 892,
      group: PUBLIC,
      form: 'Тематические публикации, в т.ч. в СМИ',
      regionName: 'Республика Тыва',
      sphereCode: 'social',
      text: 'Активно привлекаются средства массовой информации в освещении результатов\nпроведения независимой оценки (телеканал «Тува-24», «Новый век», печатные\nиздания и др.).',
      span: 1,
    });
  });

  it('never yields an empty text or a text with a no-break-space-only line', () => {
    for (const p of practices) {
      expect(p.text.trim()).not.toBe('');
      expect(p.text).toBe(p.text.trim());
    }
  });

  it('computes the hex SHA-256 of a text', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('parsePracticeTable on small tables', () => {
  const header =
    ' Практика\n\tФорма реализации\n\tРегион\n\tЛучшие практики\n\n\t\n\t\n\tЗдравоохранение\n\tОбразование\n\tСоц.обслуживание\n\tКультура\n\tСпорт\n';
  const row = (...cells: string[]) => `\n${cells.map((c) => `\t${c}`).join('\n')}\n`;

  it('parses CRLF line endings and continues blank forms', () => {
    const text = (
      header +
      row('Группа') +
      row('Форма А', 'Москва', 'Текст 1', '\u00a0', '\u00a0', '\u00a0', '\u00a0') +
      row('', 'Чувашская республика', '\u00a0', 'Текст 2\nвторая строка', ' ', '', 'Текст 3')
    ).replace(/\n/g, '\r\n');
    expect(parsePracticeTable(text).map((p) => [p.row, p.group, p.form, p.regionName, p.sphereCode, p.text])).toEqual([
      [1, 'Группа', 'Форма А', 'Москва', 'health', 'Текст 1'],
      [2, 'Группа', 'Форма А', 'Чувашская республика', 'education', 'Текст 2\nвторая строка'],
      [2, 'Группа', 'Форма А', 'Чувашская республика', 'sport', 'Текст 3'],
    ]);
  });

  it('refuses a document without the sphere header', () => {
    expect(() => parsePracticeTable(row('Группа') + row('Форма', 'Москва', 'Текст'))).toThrow(PracticeDocumentError);
    expect(() => parsePracticeTable(row('Группа') + row('Форма', 'Москва', 'Текст'))).toThrow(/шапка таблицы/);
  });

  it('refuses a blank form at the start of a group', () => {
    expect(() => parsePracticeTable(header + row('Группа') + row('', 'Москва', 'Текст', '', '', '', ''))).toThrow(
      /Строка 16: пустая форма реализации в первой строке группы «Группа»/,
    );
  });

  it('refuses a blank region under a new form', () => {
    expect(() =>
      parsePracticeTable(header + row('Группа') + row('Форма', 'Москва', 'Текст', '', '', '', '') + row('Другая форма', '', 'Текст', '', '', '', '')),
    ).toThrow(/не указан регион/);
  });

  it('refuses a row with more cells than columns and a row without sphere cells', () => {
    expect(() => parsePracticeTable(header + row('Группа') + row('Форма', 'Москва', '1', '2', '3', '4', '5', '6'))).toThrow(/8 ячеек, а столбцов 7/);
    expect(() => parsePracticeTable(header + row('Группа') + row('Форма', 'Москва'))).toThrow(/нет ни одной ячейки сфер/);
  });

  it('refuses practices before any group heading and a table with no practice', () => {
    expect(() => parsePracticeTable(header + row('Форма', 'Москва', 'Текст', '', '', '', ''))).toThrow(/до первого заголовка группы/);
    expect(() => parsePracticeTable(header + row('Группа'))).toThrow(/ни одной практики/);
  });
});
