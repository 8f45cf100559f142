// `"personal": true` marks a question about the person filling in the questionnaire (name, position,
// phone, e-mail): regional portals with only the `answers` scope never read it, and the analytics may
// not publish its free text (analytics.publishTexts naming it is refused, in Russian in the console).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../api/src/services/definitionProblems.ts';
import { definitionDigest } from '../../api/src/survey/canonical.ts';
import { DefinitionError, parseDefinition } from '../../api/src/survey/definition.ts';

const document = (file: string) => JSON.parse(readFileSync(new URL(`../../prisma/surveys/${file}`, import.meta.url), 'utf8'));

/** nok-2023 with a personal `contact_phone` in part 1, and the analytics publishing `keys` as texts. */
function withPhone(keys: string[] = []) {
  const doc = document('nok-2023.json');
  doc.sections[0].questions.push({ code: 'contact_phone', type: 'text', label: 'Контактный телефон', personal: true });
  doc.analytics.publishTexts.push(...keys);
  return doc;
}

function problemsOf(doc: unknown): { path: string; message: string }[] {
  try {
    parseDefinition(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    return (error as DefinitionError).problems;
  }
  throw new Error('parsed');
}

describe('the personal flag', () => {
  it('is kept on the question, and absent when not written (an unflagged definition keeps its digest)', () => {
    const parsed = parseDefinition(withPhone());
    const questions = parsed.sections[0]!.questions;
    expect(questions.find((question) => question.code === 'contact_phone')!.personal).toBe(true);
    const plain = questions.find((question) => question.code === 'authority_name')!;
    expect('personal' in plain).toBe(false);

    const unflagged = document('nok-2021.json');
    for (const question of unflagged.sections[0].questions) delete question.personal;
    // No `personal: false` is added: the canonical JSON, hence the digest, is what it was before the flag.
    expect(JSON.stringify(parseDefinition(unflagged))).not.toContain('"personal"');
    expect(definitionDigest(parseDefinition(unflagged))).not.toBe(definitionDigest(parseDefinition(document('nok-2021.json'))));
  });

  it.each(['nok-2021.json', 'nok-2023.json'])('marks the filler’s name and position in %s, and nothing else', (file) => {
    const parsed = parseDefinition(document(file));
    const personal = parsed.sections.flatMap((section) => section.questions.filter((question) => question.personal).map((question) => question.code));
    expect(personal.sort()).toEqual(['respondent_name', 'respondent_position']);
  });

  it('must be a boolean, and is not taken on a group’s field nor on measures', () => {
    const wrongType = withPhone();
    wrongType.sections[0].questions.at(-1).personal = 'yes';
    expect(problemsOf(wrongType).map((problem) => problem.path)).toEqual([
      `sections.0.questions.${wrongType.sections[0].questions.length - 1}.personal`,
    ]);

    const field = document('nok-2023.json');
    field.sections[2].questions[0].fields[0].personal = true;
    expect(problemsOf(field)).toEqual([
      { path: 'sections.2.questions.0.fields.0.personal', message: '"personal" is not supported on a group\'s fields: mark the group itself' },
    ]);

    const measures = document('nok-2021.json');
    measures.sections[2].questions[0].personal = true;
    expect(problemsOf(measures)).toEqual([{ path: 'sections.2.questions.0.personal', message: '"personal" is not supported on measures' }]);
  });
});

describe('analytics.publishTexts', () => {
  it('refuses a personal question, naming it in Russian', () => {
    const problems = problemsOf(withPhone(['contact_phone']));
    expect(problems).toEqual([
      {
        path: 'analytics.publishTexts.2',
        message:
          'Вопрос «contact_phone» отмечен как персональный (personal): ответы на него о заполняющем анкету и не публикуются — уберите его из analytics.publishTexts.',
      },
    ]);
    expect(problemsOf(withPhone(['respondent_name'])).map((problem) => problem.message)).toEqual([expect.stringContaining('«respondent_name»')]);
  });

  it('refuses a field of a personal group', () => {
    const doc = document('nok-2023.json');
    doc.sections[2].questions[0].personal = true;
    doc.analytics.publishTexts.push('best_practices.title');
    expect(problemsOf(doc).map((problem) => problem.message)).toEqual([expect.stringContaining('«best_practices.title»')]);
  });

  it('the console’s import lists the refusal in Russian, at its path, with the question', () => {
    const problems = definitionProblems(withPhone(['contact_phone']));
    expect(problems.map((problem) => [problem.path, problem.code, problem.message])).toEqual([
      [
        'analytics.publishTexts[2]',
        'WRONG_VALUE',
        'Вопрос «contact_phone» отмечен как персональный (personal): ответы на него о заполняющем анкету и не публикуются — уберите его из analytics.publishTexts.',
      ],
    ]);
  });

  it('still takes a text question that is not personal', () => {
    const doc = withPhone();
    doc.sections[0].questions.at(-1).personal = false;
    doc.analytics.publishTexts.push('contact_phone');
    expect(parseDefinition(doc).analytics!.publishTexts).toContain('contact_phone');
  });
});
