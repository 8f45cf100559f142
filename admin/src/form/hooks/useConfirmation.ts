// «Завершить заполнение анкеты?»: the checkbox the person ticks before sending the questionnaire, and
// the error shown when they try to send without it. It stays ticked while they look at other sections.
import { useState } from 'preact/hooks';

export interface Confirmation {
  checked: boolean;
  error: string;
  /** The person ticks or unticks it (the error goes). */
  set(checked: boolean): void;
  fail(error: string): void;
  clearError(): void;
}

export function useConfirmation(): Confirmation {
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState('');
  return {
    checked,
    error,
    set(next) {
      setChecked(next);
      setError('');
    },
    fail: setError,
    clearError: () => setError(''),
  };
}
