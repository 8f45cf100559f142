// Focus goes where the person needs to look after an action: the section's heading, the error
// summary, the alert or the confirmation checkbox. An action asks for it; it happens after the next
// render, once the element is on screen.
import { useEffect, useRef } from 'preact/hooks';

export type FocusTarget = 'heading' | 'summary' | 'alert' | 'confirm';

const TARGET_IDS: Record<FocusTarget, string> = {
  heading: 'section-title',
  summary: 'error-summary',
  alert: 'form-alert',
  confirm: 'submit-confirm',
};

export function useFocusRequest(): (target: FocusTarget) => void {
  const pending = useRef<FocusTarget | null>(null);
  // After every render: a request may have been made by the action that caused it.
  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    document.getElementById(TARGET_IDS[target])?.focus();
  });
  return (target) => {
    pending.current = target;
  };
}
