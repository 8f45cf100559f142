// «Возвращено на доработку: <причина>» at the top of the form while a coordinator's return stands
// (issue 13, item 1): the reason reaches the form through myResponse.returnedForRework, and goes
// once the questionnaire is sent again.
import { formatDateTime } from '../lib/dates.ts';
import type { ResponseState } from '../lib/types.ts';

export function ReturnedBanner({ response }: { response: ResponseState }) {
  const returned = response.status === 'DRAFT' ? response.returnedForRework : null;
  if (!returned) return null;
  return (
    <div class="returned-banner" role="status" data-testid="returned-banner">
      <p class="returned-title">
        <strong>Возвращено на доработку:</strong> {returned.reason}
      </p>
      <p class="returned-note">
        Анкета возвращена {formatDateTime(returned.at)} (мск). Исправьте ответы и отправьте анкету снова: ранее введённые ответы сохранены.
      </p>
    </div>
  );
}
