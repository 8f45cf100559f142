// A multiple choice as the seed describes it: the chosen options are chips in the field; the person
// picks more from a list (typing filters it; arrow keys move, Enter or Space choose or un-choose) and
// removes a chip with its × button or the last one with Backspace. ARIA 1.2 combobox with a
// multi-select listbox popup (APG): the focus stays in the input, the highlighted option is
// aria-activedescendant, and aria-selected says only whether an option is chosen. Chosen options stay
// in the list (ticked), so the highlight never jumps when one is chosen.
import { useRef, useState } from 'preact/hooks';
import type { Option } from '../lib/types.ts';

export interface ChipSelectProps {
  id: string;
  /** The id of the element whose text names the field (a <label> or a legend + year header). */
  labelledBy: string;
  /** When the field has a <label for=id>, the combobox is named by it; else by labelledBy. */
  hasLabelFor: boolean;
  options: Option[];
  value: string[];
  onChange(value: string[]): void;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  maxSelected?: number;
}

export function ChipSelect(props: ChipSelectProps) {
  const { id, options, value, onChange, disabled } = props;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = `${id}-list`;

  const labelOf = (code: string) => options.find((option) => option.code === code)?.label ?? code;
  const needle = text.trim().toLowerCase();
  const full = props.maxSelected !== undefined && value.length >= props.maxSelected;
  const available = options.filter((option) => !needle || option.label.toLowerCase().includes(needle));
  const current = Math.min(active, Math.max(0, available.length - 1));
  const expanded = open && !disabled;
  const blocked = (option: Option) => full && !value.includes(option.code);

  function toggle(option: Option) {
    if (value.includes(option.code)) return remove(option.code, false);
    if (blocked(option)) return setSaid('Выбрано наибольшее допустимое число вариантов.');
    onChange([...value, option.code]);
    if (text) {
      // The filter is done with: the whole list is back, the highlight still on the chosen option.
      setText('');
      setActive(options.indexOf(option));
    }
    setSaid(`Выбрано: ${option.label}. Выбрано вариантов: ${value.length + 1}.`);
  }
  function remove(code: string, refocus: boolean) {
    onChange(value.filter((chosen) => chosen !== code));
    setSaid(`Удалено: ${labelOf(code)}.`);
    if (refocus) input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(available.length ? (current + 1) % available.length : 0);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(available.length ? (current - 1 + available.length) % available.length : 0);
        break;
      case 'Home':
      case 'End':
        if (open && available.length) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : available.length - 1);
        }
        break;
      case ' ':
        // Space chooses while nothing is typed; within a typed filter it is a space.
        if (text) break;
        event.preventDefault();
        if (expanded && available[current]) toggle(available[current]!);
        else setOpen(true);
        break;
      case 'Enter':
        // Never submits the form from here.
        event.preventDefault();
        if (expanded && available[current]) toggle(available[current]!);
        else setOpen(true);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
      case 'Backspace':
        if (!text && value.length) {
          event.preventDefault();
          remove(value[value.length - 1]!, false);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  const activeId = expanded && available[current] ? `${id}-opt-${available[current]!.code}` : undefined;
  return (
    <div class={`chips${disabled ? ' chips-disabled' : ''}${props.invalid ? ' chips-invalid' : ''}`}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer convenience only: a click on the box's padding or a chip's text focuses the combobox, which the keyboard reaches with Tab */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the box is not a control; the keys are handled by the combobox input inside it */}
      <div class="chips-box" onClick={() => !disabled && input.current?.focus()}>
        {value.length > 0 && (
          <ul class="chip-list" aria-label="Выбранные варианты">
            {value.map((code) => (
              <li class="chip" key={code}>
                <span class="chip-text">{labelOf(code)}</span>
                {!disabled && (
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={`Удалить: ${labelOf(code)}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      remove(code, true);
                    }}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {disabled && value.length === 0 && <span class="chips-none">Нет ответа</span>}
        <input
          ref={input}
          id={id}
          type="text"
          class="chips-input"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-labelledby={props.hasLabelFor ? undefined : props.labelledBy}
          aria-describedby={[props.describedBy, `${id}-keys`].filter(Boolean).join(' ')}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-required={props.required ? 'true' : undefined}
          placeholder={disabled ? '' : value.length ? 'Добавить ещё…' : 'Выберите варианты ответа'}
          disabled={disabled}
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        {!disabled && (
          <button
            type="button"
            class="chips-toggle"
            tabIndex={-1}
            aria-hidden="true"
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              event.stopPropagation();
              input.current?.focus();
              setOpen(!open);
            }}
          >
            ▾
          </button>
        )}
      </div>
      <span id={`${id}-keys`} class="sr-only">
        Стрелки вверх и вниз — перемещение по списку, Enter или пробел — выбрать вариант или снять выбор, Backspace — удалить последний выбранный.
      </span>
      <div
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-labelledby={props.labelledBy}
        class="chips-list"
        hidden={!expanded || available.length === 0}
      >
        {available.map((option, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: ARIA combobox with aria-activedescendant: the focus stays in the input, options are never focused
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input's onKeyDown handles the keys for the active option (arrows, Home, End, Enter)
          <div
            key={option.code}
            id={`${id}-opt-${option.code}`}
            role="option"
            aria-selected={value.includes(option.code) ? 'true' : 'false'}
            aria-disabled={blocked(option) ? 'true' : undefined}
            class={`chips-option${index === current ? ' chips-option-active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => {
              setActive(index);
              toggle(option);
            }}
          >
            <span class="chips-check" aria-hidden="true">
              {value.includes(option.code) ? '✓' : ''}
            </span>
            {option.label}
            {option.help && <span class="option-help">{option.help}</span>}
          </div>
        ))}
      </div>
      {expanded && available.length === 0 && <p class="chips-empty">Нет подходящих вариантов.</p>}
      <span class="sr-only" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
