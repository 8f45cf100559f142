// One question of any type: its label, help, error and inputs. Ids follow the answer paths
// (lib/errors.ts fieldId) so the error summary can link to every input.
import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { plural } from '../../../../api/src/i18n/plural.ts';
import { fieldId } from '../lib/errors.ts';
import { itemsRule, numberHint } from '../lib/text.ts';
import {
  MEASURE_FIELDS,
  type Common,
  type GroupQuestion,
  type MeasuresQuestion,
  type Option,
  type Question,
  type SimpleQuestion,
  type Spec,
  type YearMatrixQuestion,
} from '../lib/types.ts';
import { isChosen, type SpecifyLink } from '../lib/specify.ts';
import {
  emptyItem,
  emptySimple,
  isNA,
  markNotApplicable,
  type CellFormValue,
  type FormValue,
  type ItemForm,
  type SimpleFormValue,
} from '../lib/values.ts';
import { ChipSelect } from './ChipSelect.tsx';
import { Ctx } from './context.ts';

/** Inputs that identify the person filling in the form (WCAG 1.3.5), by the stable question codes. */
const AUTOCOMPLETE: Record<string, string> = { respondent_name: 'name', respondent_position: 'organization-title', authority_name: 'organization' };
const YES_NO: Option[] = [
  { code: 'true', label: 'Да' },
  { code: 'false', label: 'Нет' },
];
const SELECT_ABOVE = 7;

const ids = (...list: (string | false | null | undefined)[]) => list.filter(Boolean).join(' ') || undefined;

function LabelText({ q }: { q: Pick<Common, 'label' | 'number' | 'required'> }) {
  return (
    <>
      {q.required && (
        <span class="req" aria-hidden="true">
          *{' '}
        </span>
      )}
      {q.number && <span class="qnum">{q.number}. </span>}
      {q.label}
    </>
  );
}

function Help({ id, text }: { id: string; text?: string | null }) {
  return text ? (
    <p id={id} class="help">
      {text}
    </p>
  ) : null;
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} class="error-message">
      <span class="sr-only">Ошибка: </span>
      {text}
    </p>
  ) : null;
}

const chars = (n: number) => `${n.toLocaleString('ru-RU')} ${plural(n, ['символ', 'символа', 'символов'])}`;

/**
 * A text's limit and how much of it is left (GOV.UK character count): shown for long texts, and for
 * a line once it is 80% full; over the limit it turns red and says by how much (screen readers hear
 * that, not every keystroke).
 */
function Counter({ id, limit, length, always }: { id: string; limit: number; length: number; always: boolean }) {
  const over = length - limit;
  const shown = always || length >= limit * 0.8;
  return (
    <>
      <span id={`${id}-limit`} class="sr-only">
        Не более {chars(limit)}.
      </span>
      {shown && (
        <p class={`counter${over > 0 ? ' counter-over' : ''}`} aria-hidden="true" data-testid={`${id}-counter`}>
          {over > 0 ? `Превышено на ${chars(over)}` : `Осталось ${chars(limit - length)} из ${limit.toLocaleString('ru-RU')}`}
        </p>
      )}
      <span class="sr-only" aria-live="polite">
        {over > 0 ? `Ответ длиннее допустимого на ${chars(over)}.` : ''}
      </span>
    </>
  );
}

const isRadios = (spec: Spec) =>
  (spec.type === 'singleChoice' && spec.options.length <= SELECT_ABOVE) || (spec.type === 'boolean' && !spec.mustBeTrue);

interface RadioListProps {
  id: string;
  options: Option[];
  value: string;
  onChange(value: string): void;
  invalid: boolean;
}

function RadioList({ id, options, value, onChange, invalid }: RadioListProps) {
  const { disabled } = useContext(Ctx);
  return (
    <div class={options.length === 2 && options[0]!.code === 'true' ? 'radios radios-inline' : 'radios'}>
      {options.map((option) => {
        const optionId = `${id}-${option.code}`;
        return (
          <div class="radio" key={option.code}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.code}
              checked={value === option.code}
              disabled={disabled}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={option.help ? `${optionId}-help` : undefined}
              onChange={() => onChange(option.code)}
            />
            <label for={optionId}>{option.label}</label>
            {option.help && (
              <p id={`${optionId}-help`} class="option-help">
                {option.help}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

interface ControlProps {
  spec: Spec;
  id: string;
  value: SimpleFormValue;
  onChange(value: SimpleFormValue): void;
  /** Set in a year matrix, where the control is named by the question and the year's header. */
  labelledBy?: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  required: boolean;
  code?: string;
}

/** The input(s) of one simple value. Radio groups get their fieldset from the caller. */
function Control({ spec, id, value, onChange, labelledBy, labelId, describedBy, invalid, required, code }: ControlProps) {
  const { disabled, regions } = useContext(Ctx);
  const common = {
    id,
    disabled,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': required ? ('true' as const) : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const onText = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);
  switch (spec.type) {
    // No maxlength: a pasted text longer than the limit is kept whole, the counter says by how much it is over.
    case 'text':
    case 'longText': {
      const limit = spec.maxLength ?? (spec.type === 'text' ? 500 : 10_000);
      const counted = { ...common, 'aria-describedby': ids(describedBy, `${id}-limit`) };
      return (
        <>
          {spec.type === 'text' ? (
            <input {...counted} type="text" class="input" autocomplete={(code && AUTOCOMPLETE[code]) || 'off'} value={text} onInput={onText} />
          ) : (
            <textarea {...counted} class="input textarea" rows={5} value={text} onInput={onText} />
          )}
          <Counter id={id} limit={limit} length={text.trim().length} always={spec.type === 'longText'} />
        </>
      );
    }
    case 'number':
      return (
        <span class="number">
          <input
            {...common}
            aria-describedby={ids(describedBy, spec.unit && `${id}-unit`)}
            type="text"
            class="input input-number"
            inputMode={spec.integer ? 'numeric' : 'decimal'}
            autocomplete="off"
            value={text}
            onInput={onText}
          />
          {spec.unit && (
            <span class="unit" id={`${id}-unit`}>
              {spec.unit}
            </span>
          )}
        </span>
      );
    case 'region':
      return (
        <select {...common} class="input select" value={text} onChange={onText}>
          <option value="">Выберите субъект Российской Федерации</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      );
    case 'singleChoice':
      return (
        <select {...common} class="input select" value={text} onChange={onText}>
          <option value="">Выберите вариант ответа</option>
          {spec.options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'multipleChoice':
      return (
        <ChipSelect
          id={id}
          labelledBy={labelledBy ?? labelId}
          hasLabelFor={!labelledBy}
          options={spec.options}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          describedBy={describedBy}
          invalid={invalid}
          required={required}
          disabled={disabled}
          maxSelected={spec.maxSelected}
        />
      );
    case 'boolean':
      // Only a confirmation reaches here (yes/no questions are radio groups).
      return (
        <input
          {...common}
          type="checkbox"
          class="checkbox-input"
          checked={value === true}
          // On click, not on change: see the «не применимо» mark in YearMatrix.
          onClick={(event) => onChange(event.currentTarget.checked ? true : null)}
        />
      );
  }
}

/** Radio value ↔ form value (booleans are «Да»/«Нет» radios: a checkbox cannot say "not answered"). */
const radioValue = (spec: Spec, value: SimpleFormValue) =>
  spec.type === 'boolean' ? (value === null ? '' : String(value)) : typeof value === 'string' ? value : '';
const fromRadio = (spec: Spec, code: string): SimpleFormValue => (spec.type === 'boolean' ? code === 'true' : code);
const radioOptions = (spec: Spec) => (spec.type === 'singleChoice' ? spec.options : YES_NO);

/** An option that asks «уточните», its text question's value and setter. */
export interface Specify extends SpecifyLink {
  value: FormValue;
  onChange(value: FormValue): void;
}

/** The «уточните» text under a chosen option (GOV.UK conditional reveal). */
function SpecifyFields({ specify, chosen }: { specify?: Specify[]; chosen: SimpleFormValue }) {
  return (
    <>
      {specify
        ?.filter((link) => isChosen(chosen, link.option.code) && link.target.type !== 'yearMatrix')
        .map((link) => (
          <div class="specify" key={link.target.code}>
            <SimpleField q={link.target as SimpleQuestion} path={link.target.code} value={link.value as SimpleFormValue} onChange={link.onChange} />
          </div>
        ))}
    </>
  );
}

interface SimpleFieldProps {
  q: SimpleQuestion;
  /** The answer path: "respondent_name" or "best_practices[0].title". */
  path: string;
  value: SimpleFormValue;
  onChange(value: SimpleFormValue): void;
  specify?: Specify[];
}

/** A labelled simple question: a top-level one or a field of a group item. */
export function SimpleField({ q, path, value, onChange, specify }: SimpleFieldProps) {
  const { errors } = useContext(Ctx);
  const id = fieldId(path);
  const error = errors[path];
  const hint = q.type === 'number' ? numberHint(q) : null;
  const describedBy = ids(q.help && `${id}-help`, hint && `${id}-hint`, error && `${id}-error`);
  const notes = (
    <>
      <Help id={`${id}-help`} text={q.help} />
      <Help id={`${id}-hint`} text={hint} />
      <ErrorText id={`${id}-error`} text={error} />
    </>
  );
  const fieldClass = `field${error ? ' field-error' : ''}`;
  if (isRadios(q)) {
    return (
      <fieldset
        class={fieldClass}
        id={`${id}-field`}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows role=radiogroup on fieldset; the legend names the group of radios
        role="radiogroup"
        aria-required={q.required ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        <legend class="label" id={`${id}-label`}>
          <LabelText q={q} />
        </legend>
        {notes}
        <RadioList
          id={id}
          options={radioOptions(q)}
          value={radioValue(q, value)}
          onChange={(code) => onChange(fromRadio(q, code))}
          invalid={!!error}
        />
        <SpecifyFields specify={specify} chosen={value} />
      </fieldset>
    );
  }
  if (q.type === 'boolean') {
    return (
      <div class={fieldClass} id={`${id}-field`}>
        <div class="checkbox">
          <Control
            spec={q}
            id={id}
            labelId={`${id}-label`}
            value={value}
            onChange={onChange}
            describedBy={describedBy}
            invalid={!!error}
            required={q.required}
          />
          <label for={id} id={`${id}-label`} class="label">
            <LabelText q={q} />
          </label>
        </div>
        {notes}
      </div>
    );
  }
  return (
    <div class={fieldClass} id={`${id}-field`}>
      <label for={id} id={`${id}-label`} class="label">
        <LabelText q={q} />
      </label>
      {notes}
      <Control
        spec={q}
        id={id}
        labelId={`${id}-label`}
        value={value}
        onChange={onChange}
        describedBy={describedBy}
        invalid={!!error}
        required={q.required}
        code={q.code}
      />
      <SpecifyFields specify={specify} chosen={value} />
    </div>
  );
}

/** A fieldset for a question made of several inputs (year matrix, group, measures). */
function QuestionSet({ q, id, extra, children }: { q: Question; id: string; extra?: string | null; children: ComponentChildren }) {
  const { errors } = useContext(Ctx);
  const error = errors[q.code];
  return (
    <fieldset
      class={`field field-set${error ? ' field-error' : ''}`}
      id={`${id}-field`}
      aria-describedby={ids(q.help && `${id}-help`, extra && `${id}-hint`, error && `${id}-error`)}
    >
      <legend class="label">
        <span id={`${id}-label`}>
          <LabelText q={q} />
        </span>
        {q.required && <span class="sr-only"> (обязательный вопрос)</span>}
      </legend>
      <Help id={`${id}-help`} text={q.help} />
      <Help id={`${id}-hint`} text={extra} />
      <ErrorText id={`${id}-error`} text={error} />
      {children}
    </fieldset>
  );
}

interface MatrixProps {
  q: YearMatrixQuestion;
  value: Record<string, CellFormValue>;
  onChange(value: Record<string, CellFormValue>): void;
  specify?: Specify[];
}

/**
 * One row per year; each cell an input of the cell's type, named «<question> <year>». Where the
 * definition allows it, a checkbox marks the year «не применимо»: it clears and disables the year's inputs.
 */
function YearMatrix({ q, value, onChange, specify }: MatrixProps) {
  const context = useContext(Ctx);
  const { errors } = context;
  const id = fieldId(q.code);
  const cell = q.cell;
  const hint = cell.type === 'number' ? numberHint(cell) : null;
  return (
    <QuestionSet q={q} id={id} extra={hint}>
      <table class="matrix">
        <thead>
          <tr>
            <th scope="col">Год</th>
            <th scope="col">{cell.type === 'number' && cell.unit ? `Значение, ${cell.unit}` : 'Ответ'}</th>
          </tr>
        </thead>
        <tbody>
          {q.years.map((year) => {
            const cellId = `${id}-${year}`;
            const path = `${q.code}.${year}`;
            const error = errors[path];
            const labelledBy = `${id}-label ${cellId}-year`;
            const stored = value[String(year)] ?? null;
            const na = isNA(stored);
            const cellValue = na ? emptySimple(cell) : stored;
            const set = (next: SimpleFormValue) => onChange({ ...value, [String(year)]: next });
            return (
              <tr key={year} class={error ? 'row-error' : undefined}>
                <th scope="row" id={`${cellId}-year`}>
                  {year}
                </th>
                <td>
                  <ErrorText id={`${cellId}-error`} text={error} />
                  {q.notApplicable && (
                    <div class="checkbox na">
                      <input
                        type="checkbox"
                        class="checkbox-input"
                        id={`${cellId}-na`}
                        // «Не применимо (…) 2022»: the mark's label and the year's header, like the year's inputs.
                        aria-labelledby={`${cellId}-na-label ${cellId}-year`}
                        checked={na}
                        disabled={context.disabled}
                        // On click (Space too), not on change: a re-render between the input and change events
                        // (the notice «Сведения сохранены» going on any input) set the box back before change read it.
                        onClick={(event) => onChange(markNotApplicable(q, value, year, event.currentTarget.checked))}
                      />
                      <label for={`${cellId}-na`} id={`${cellId}-na-label`}>
                        {q.notApplicable}
                      </label>
                    </div>
                  )}
                  <Ctx.Provider value={na ? { ...context, disabled: true } : context}>
                    {isRadios(cell) ? (
                      <div
                        role="radiogroup"
                        id={cellId}
                        aria-labelledby={labelledBy}
                        aria-describedby={error ? `${cellId}-error` : undefined}
                        class="cell-group"
                      >
                        <RadioList
                          id={cellId}
                          options={radioOptions(cell)}
                          value={radioValue(cell, cellValue)}
                          onChange={(code) => set(fromRadio(cell, code))}
                          invalid={!!error}
                        />
                      </div>
                    ) : (
                      <Control
                        spec={cell}
                        id={cellId}
                        labelId={`${id}-label`}
                        labelledBy={labelledBy}
                        value={cellValue}
                        onChange={set}
                        describedBy={ids(hint && `${id}-hint`, error && `${cellId}-error`)}
                        invalid={!!error}
                        required={q.required}
                      />
                    )}
                  </Ctx.Provider>
                  {specify
                    ?.filter((link) => link.target.type === 'yearMatrix' && isChosen(cellValue, link.option.code))
                    .map((link) => {
                      const target = link.target as YearMatrixQuestion;
                      const texts = (link.value ?? {}) as Record<string, SimpleFormValue>;
                      const textPath = `${target.code}.${year}`;
                      const textId = fieldId(textPath);
                      return (
                        <div class="specify" key={target.code}>
                          <label for={textId} id={`${textId}-label`} class="label">
                            {target.label}, {year}
                          </label>
                          <ErrorText id={`${textId}-error`} text={errors[textPath]} />
                          <Control
                            spec={target.cell}
                            id={textId}
                            labelId={`${textId}-label`}
                            value={texts[String(year)] ?? ''}
                            onChange={(next) => link.onChange({ ...texts, [String(year)]: next })}
                            describedBy={errors[textPath] ? `${textId}-error` : undefined}
                            invalid={!!errors[textPath]}
                            required={false}
                          />
                        </div>
                      );
                    })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </QuestionSet>
  );
}

interface ItemsProps {
  q: GroupQuestion | MeasuresQuestion;
  value: ItemForm[];
  onChange(value: ItemForm[]): void;
}

/** A repeatable list (group, 2021 measures): items with «Удалить», and «Добавить …». */
function Items({ q, value, onChange }: ItemsProps) {
  const { disabled, announce } = useContext(Ctx);
  const id = fieldId(q.code);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.getElementById(focusNext.current) as HTMLElement | null;
    focusNext.current = null;
    target?.focus();
  });
  const addLabel = q.addLabel ?? `Добавить: ${q.itemLabel}`;
  const full = value.length >= q.maxItems;
  const firstField = q.type === 'group' ? q.fields[0]!.code : 'type';

  function add() {
    if (full) return;
    const item = emptyItem(q);
    const index = value.length;
    onChange([...value, item]);
    const firstSpec = q.type === 'group' ? q.fields[0]! : null;
    // Radio groups are focused on their first radio.
    focusNext.current =
      fieldId(`${q.code}[${index}].${firstField}`) + (firstSpec && isRadios(firstSpec) ? `-${radioOptions(firstSpec)[0]!.code}` : '');
    announce(`Добавлено: ${q.itemLabel} ${index + 1}.`);
  }
  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
    announce(`Удалено: ${q.itemLabel} ${index + 1}.`);
    addButton.current?.focus();
  }

  return (
    <QuestionSet q={q} id={id} extra={itemsRule(q.minItems, q.maxItems, value.length)}>
      {value.length === 0 && <p class="empty">{disabled ? 'Записей нет.' : `Пока ничего не добавлено. Нажмите «${addLabel}».`}</p>}
      {value.map((item, index) => {
        const headingId = `${id}-item-${index}`;
        const set = (field: string, next: SimpleFormValue) =>
          onChange(value.map((other, i) => (i === index ? { ...other, values: { ...other.values, [field]: next } } : other)));
        return (
          <fieldset class="item" aria-labelledby={headingId} key={item.key}>
            <div class="item-head">
              <h3 id={headingId} class="item-title">
                {q.itemLabel} {index + 1}
              </h3>
              {!disabled && (
                <button type="button" class="button-link danger" onClick={() => remove(index)}>
                  Удалить
                  <span class="sr-only">
                    : {q.itemLabel} {index + 1}
                  </span>
                </button>
              )}
            </div>
            {q.type === 'group'
              ? q.fields.map((field) => (
                  <SimpleField
                    key={field.code}
                    q={field}
                    path={`${q.code}[${index}].${field.code}`}
                    value={item.values[field.code] ?? null}
                    onChange={(next) => set(field.code, next)}
                  />
                ))
              : MEASURE_FIELDS.map((field) => (
                  <MeasureField
                    key={field}
                    q={q}
                    field={field}
                    index={index}
                    value={item.values[field] ?? ''}
                    onChange={(next) => set(field, next)}
                  />
                ))}
          </fieldset>
        );
      })}
      {!disabled && (
        <div class="items-actions">
          <button type="button" class="button button-secondary" ref={addButton} onClick={add} aria-disabled={full ? 'true' : undefined}>
            <span aria-hidden="true">+ </span>
            {addLabel}
          </button>
          {full && <span class="help">Добавлено наибольшее допустимое количество.</span>}
        </div>
      )}
    </QuestionSet>
  );
}

interface MeasureFieldProps {
  q: MeasuresQuestion;
  field: (typeof MEASURE_FIELDS)[number];
  index: number;
  value: SimpleFormValue;
  onChange(value: SimpleFormValue): void;
}

/** A fixed field of a 2021 measure; the type is chosen from the taxonomy, grouped, with its help. */
function MeasureField({ q, field, index, value, onChange }: MeasureFieldProps) {
  const { errors, disabled, measureTypeGroups } = useContext(Ctx);
  const settings = q.fields[field];
  const path = `${q.code}[${index}].${field}`;
  if (field === 'title' || field === 'description' || field === 'result') {
    const spec: SimpleQuestion =
      field === 'title'
        ? { code: field, type: 'text', maxLength: 500, label: settings.label, help: settings.help, required: settings.required }
        : { code: field, type: 'longText', maxLength: 10_000, label: settings.label, help: settings.help, required: settings.required };
    return <SimpleField q={spec} path={path} value={value} onChange={onChange} />;
  }
  const id = fieldId(path);
  const error = errors[path];
  const text = typeof value === 'string' ? value : '';
  const chosen = field === 'type' ? measureTypeGroups.flatMap((group) => group.types).find((type) => type.code === text) : undefined;
  const years: number[] = [];
  if (field === 'year' && settings.min !== undefined && settings.max !== undefined)
    for (let year = settings.min; year <= settings.max; year++) years.push(year);
  const describedBy = ids(settings.help && `${id}-help`, error && `${id}-error`, chosen && `${id}-typehelp`);
  return (
    <div class={`field${error ? ' field-error' : ''}`} id={`${id}-field`}>
      <label for={id} class="label">
        <LabelText q={settings} />
      </label>
      <Help id={`${id}-help`} text={settings.help} />
      <ErrorText id={`${id}-error`} text={error} />
      <select
        id={id}
        class="input select"
        disabled={disabled}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        aria-required={settings.required ? 'true' : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{field === 'type' ? 'Выберите тип мероприятия' : 'Выберите год'}</option>
        {field === 'type'
          ? measureTypeGroups.map((group) => (
              <optgroup key={group.code} label={group.name}>
                {group.types.map((type) => (
                  <option key={type.code} value={type.code}>
                    {type.name}
                  </option>
                ))}
              </optgroup>
            ))
          : years.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
        {field === 'year' && text && !years.includes(Number(text)) && <option value={text}>{text}</option>}
      </select>
      {field === 'type' && (
        <div aria-live="polite">
          {chosen && (
            <p id={`${id}-typehelp`} class="help type-help">
              <strong>{chosen.name}.</strong> {chosen.help}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Any question of a section, with its lead heading. */
export function QuestionView({
  q,
  value,
  onChange,
  specify,
}: {
  q: Question;
  value: FormValue;
  onChange(value: FormValue): void;
  specify?: Specify[];
}) {
  const body =
    q.type === 'yearMatrix' ? (
      <YearMatrix q={q} value={(value ?? {}) as Record<string, CellFormValue>} onChange={onChange} specify={specify} />
    ) : q.type === 'group' || q.type === 'measures' ? (
      <Items q={q} value={(value ?? []) as ItemForm[]} onChange={onChange} />
    ) : (
      <SimpleField q={q} path={q.code} value={value as SimpleFormValue} onChange={onChange} specify={specify} />
    );
  return (
    <div class="question">
      {q.lead && <h3 class="lead">{q.lead}</h3>}
      {body}
    </div>
  );
}
