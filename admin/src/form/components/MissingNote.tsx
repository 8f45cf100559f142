// After a section was saved blank or half-filled: which of its required questions are still
// unanswered, by name, each a link that opens the section and puts the focus on the question.
import { plural } from '../../../../api/src/i18n/plural.ts';
import type { Campaign } from '../lib/types.ts';

export interface Missing {
  section: string;
  questions: string[];
}

export function MissingNote({ campaign, missing, onGo }: { campaign: Campaign; missing: Missing; onGo(section: string, question: string): void }) {
  const section = campaign.sections.find((candidate) => candidate.code === missing.section);
  if (!section) return null;
  const questions = section.questions.filter((question) => missing.questions.includes(question.code));
  const count = questions.length;
  return (
    <section class="missing-note" aria-labelledby="missing-title" data-testid="missing-note">
      <h2 id="missing-title">Раздел «{section.title}» сохранён, но заполнен не полностью</h2>
      <p>
        {count === 1 ? 'Остался' : 'Осталось'} без ответа {count}{' '}
        {plural(count, ['обязательный вопрос', 'обязательных вопроса', 'обязательных вопросов'])}:
      </p>
      <ul>
        {questions.map((question) => (
          <li key={question.code}>
            <a
              href={`#/${section.code}`}
              onClick={(event) => {
                event.preventDefault();
                onGo(section.code, question.code);
              }}
            >
              {question.number && `${question.number}. `}
              {question.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
