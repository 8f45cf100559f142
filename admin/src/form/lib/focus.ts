// Moving the focus to a question's input, as the error summary's and the «не заполнено» list's links do.

/** Focuses the input with this id (or the first input of the element `<id>-field`), scrolled to the middle. */
export function focusField(id: string) {
  const element = document.getElementById(id) ?? document.getElementById(`${id}-field`);
  if (!element) return;
  const target = element.matches('input, select, textarea, button')
    ? element
    : (element.querySelector(
        'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
      ) as HTMLElement | null);
  (target ?? element).scrollIntoView({ block: 'center' });
  target?.focus();
}
