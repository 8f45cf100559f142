// The thank-you page once the questionnaire is sent (#/thanks); the answers stay readable in the sections.
import { sentAt } from '../lib/response.ts';
import type { Campaign, ResponseState } from '../lib/types.ts';

export function Thanks({ campaign, response }: { campaign: Campaign; response: ResponseState }) {
  return (
    <div class="thanks">
      <h2 id="section-title" tabIndex={-1}>
        {campaign.submit.thanks}
      </h2>
      <p>Анкета отправлена{sentAt(response)}. Изменить ответы больше нельзя; чтобы просмотреть их, выберите раздел в меню.</p>
      <p>Копия ответов отправлена на Вашу электронную почту.</p>
      <p>
        <a class="button button-secondary" href={`/form/${encodeURIComponent(campaign.code)}/copy`} data-testid="printable-copy">
          Копия анкеты для печати
        </a>
      </p>
    </div>
  );
}
