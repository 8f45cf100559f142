// Small survey definition documents for unit tests (the analytics' arithmetic, the form's «не
// применимо»): format 1, «Проверка», the 2023 window; the sections given, and options from pairs.

/** A definition document of `sections`, with `rest` after them (analytics…). */
export function surveyDocument(code: string, sections: unknown[], rest: Record<string, unknown> = {}) {
  return {
    format: 1,
    code,
    title: 'Проверка',
    year: 2023,
    window: { opensAt: '2023-08-30T00:00:00+03:00', closesAt: '2023-09-19T00:00:00+03:00' },
    sections,
    ...rest,
  };
}

/** The one section «Раздел» (code main) holding `questions`. */
export const mainSection = (questions: unknown[]) => [{ code: 'main', title: 'Раздел', questions }];

/** Options from [code, label] pairs. */
export const options = (...pairs: [string, string][]) => pairs.map(([code, label]) => ({ code, label }));
