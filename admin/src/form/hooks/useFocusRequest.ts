// Focus goes where the person needs to look after an action: the section's heading, the error
// summary, the alert or the confirmation checkbox. An action asks for it together with the changes
// it makes; the focus moves right after the render that puts those changes on screen.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { focusField } from '../lib/focus.ts';

export type FocusTarget = 'heading' | 'summary' | 'alert' | 'confirm';

const TARGET_IDS: Record<FocusTarget, string> = {
  heading: 'section-title',
  summary: 'error-summary',
  alert: 'form-alert',
  confirm: 'submit-confirm',
};

/** Also any input by its id (`{ field: id }`): focused, or the first input inside the element. */
export function useFocusRequest(): (target: FocusTarget | { field: string }) => void {
  const pending = useRef<FocusTarget | { field: string } | null>(null);
  // A layout effect runs with the render's commit. A plain effect may wait for the next frame, and
  // when the next render comes first (a request that fails at once, a submit right after a save) it
  // runs at the start of that render, on the screen the action is replacing: the focus went to the
  // old heading, or nowhere.
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    if (typeof target === 'object') focusField(target.field);
    else document.getElementById(TARGET_IDS[target])?.focus();
  });
  return (target) => {
    pending.current = target;
  };
}
