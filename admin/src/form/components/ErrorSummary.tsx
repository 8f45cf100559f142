// The error summary of a refused save: how many answers need fixing, and each problem as a link to
// its input (lib/errors.ts) with where it is.
import { plural } from '../../../../api/src/i18n/plural.ts';
import { describePath, fieldId, isFieldPath } from '../lib/errors.ts';
import { focusField } from '../lib/focus.ts';
import type { FieldError, Section } from '../lib/types.ts';

export function ErrorSummary({ section, errors }: { section: Section; errors: FieldError[] }) {
  const questionCodes = section.questions.map((question) => question.code);
  return (
    <div id="error-summary" class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">
        Сведения не сохранены: {errors.length} {plural(errors.length, ['ошибка', 'ошибки', 'ошибок'])}
      </h3>
      <ul>
        {errors.map((error) => {
          const where = describePath(section, error.path);
          return (
            // Two problems alike in all three would read the same, so the key tells apart all that can be told apart.
            <li key={`${error.path} ${error.code} ${error.message}`}>
              {isFieldPath(error.path, questionCodes) ? (
                <a
                  href={`#${fieldId(error.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(fieldId(error.path));
                  }}
                >
                  {error.message}
                </a>
              ) : (
                error.message
              )}
              {where && <span class="where"> ({where})</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
