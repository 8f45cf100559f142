// Sending the questionnaire, under the last section: once every required question is answered, the
// confirmation checkbox and the button; before that, how far the questionnaire is filled in.
import type { Confirmation } from '../hooks/useConfirmation.ts';
import type { Busy } from '../hooks/useQuestionnaire.ts';
import type { Campaign, Completion } from '../lib/types.ts';

interface SubmitBlockProps {
  labels: Campaign['submit'];
  completion: Completion;
  confirmation: Confirmation;
  busy: Busy | null;
  onSubmit(): void;
}

export function SubmitBlock({ labels, completion, confirmation, busy, onSubmit }: SubmitBlockProps) {
  const { error } = confirmation;
  return (
    <div class="submit-block">
      {completion.complete ? (
        <>
          <div class={`field${error ? ' field-error' : ''}`}>
            <div class="checkbox">
              <input
                type="checkbox"
                id="submit-confirm"
                checked={confirmation.checked}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'submit-confirm-error' : 'submit-confirm-help'}
                // On click, not on change: the notice of the save that completed the questionnaire goes on
                // the input event, and that re-render set the box back before change read it.
                onClick={(event) => confirmation.set(event.currentTarget.checked)}
              />
              <label for="submit-confirm" class="label">
                {labels.confirmLabel}
              </label>
            </div>
            {error ? (
              <p id="submit-confirm-error" class="error-message">
                <span class="sr-only">Ошибка: </span>
                {error}
              </p>
            ) : (
              <p id="submit-confirm-help" class="help">
                После отправки анкета станет недоступна для изменений.
              </p>
            )}
          </div>
          <button type="button" class="button button-submit" onClick={() => onSubmit()} aria-disabled={busy ? 'true' : undefined}>
            {busy === 'submit' ? 'Отправка…' : labels.buttonLabel}
          </button>
        </>
      ) : (
        <p class="help">Отправить анкету можно после заполнения всех обязательных вопросов. Сейчас анкета заполнена на {completion.percent}%.</p>
      )}
    </div>
  );
}
