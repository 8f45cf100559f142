// One section to fill in (or to look at, when read-only): its title and description, a local draft
// to restore, the error summary of the last save, the questions, and the save bar.
import type { Busy } from '../hooks/useQuestionnaire.ts';
import type { Draft } from '../lib/draft.ts';
import type { Loaded } from '../lib/load.ts';
import type { Campaign, FieldError, Section } from '../lib/types.ts';
import type { FormValue, FormValues } from '../lib/values.ts';
import { useNarrow } from '../hooks/useNarrow.ts';
import { Ctx, type FormContext } from './context.ts';
import { clearedSpecify, specifyLinks, specifyTargets } from '../lib/specify.ts';
import { DraftOffer } from './DraftOffer.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { QuestionView } from './Fields.tsx';

interface SectionFormProps {
  campaign: Campaign;
  section: Section;
  /** The section's inputs; none until they are set from the stored answers. */
  values: FormValues | undefined;
  lists: Pick<Loaded, 'regions' | 'measureTypeGroups'>;
  readOnly: boolean;
  offer: Draft | null | undefined;
  fieldErrors: FieldError[];
  busy: Busy | null;
  /** Whether the section has edits not saved yet. */
  dirty: boolean;
  announce(text: string): void;
  onChange(questionCode: string, value: FormValue): void;
  onSave(): void;
  onRestore(draft: Draft): void;
  onDiscard(): void;
}

export function SectionForm(props: SectionFormProps) {
  const { campaign, section, values, readOnly, offer, fieldErrors } = props;
  const targets = specifyTargets(section);
  const context: FormContext = {
    regions: props.lists.regions,
    measureTypeGroups: props.lists.measureTypeGroups,
    errors: Object.fromEntries(fieldErrors.map((error) => [error.path, error.message])),
    disabled: readOnly,
    announce: props.announce,
  };
  return (
    <form
      class="section"
      noValidate
      aria-labelledby="section-title"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
      onKeyDown={(event) => {
        // Enter in a one-line input must not save and leave the section.
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit') event.preventDefault();
      }}
    >
      <h2 id="section-title" tabIndex={-1}>
        {section.title}
      </h2>
      {section === campaign.sections[0] && campaign.intro && !readOnly && <Intro text={campaign.intro} />}
      {section.description && <p class="section-description">{section.description}</p>}
      {offer && <DraftOffer draft={offer} onRestore={props.onRestore} onDiscard={props.onDiscard} />}
      {fieldErrors.length > 0 && <ErrorSummary section={section} errors={fieldErrors} />}
      {!readOnly && section.questions.some((question) => question.required) && (
        <p class="required-note">Вопросы, помеченные звёздочкой *, являются обязательными для заполнения.</p>
      )}
      {values && (
        <Ctx.Provider value={context}>
          {section.questions
            .filter((question) => !targets.has(question.code))
            .map((question) => {
              const links = specifyLinks(section, question);
              return (
                <QuestionView
                  key={question.code}
                  q={question}
                  value={values[question.code]!}
                  specify={links.map((link) => ({
                    ...link,
                    value: values[link.target.code]!,
                    onChange: (value: FormValue) => props.onChange(link.target.code, value),
                  }))}
                  onChange={(value: FormValue) => {
                    props.onChange(question.code, value);
                    for (const link of links) {
                      const cleared = clearedSpecify(link, value, values[link.target.code]!);
                      if (cleared !== undefined) props.onChange(link.target.code, cleared);
                    }
                  }}
                />
              );
            })}
        </Ctx.Provider>
      )}
      {!readOnly && <SaveBar busy={props.busy} dirty={props.dirty} />}
    </form>
  );
}

/** The survey's introduction; on a phone folded under «Об опросе», so the first question is on the first screen. */
function Intro({ text }: { text: string }) {
  const narrow = useNarrow();
  return narrow ? (
    <details class="intro intro-folded">
      <summary>Об опросе</summary>
      <p>{text}</p>
    </details>
  ) : (
    <p class="intro">{text}</p>
  );
}

/** «Сохранить», and a word when the section has edits not saved yet. */
function SaveBar({ busy, dirty }: { busy: Busy | null; dirty: boolean }) {
  return (
    <div class="actions">
      <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
        {busy === 'save' ? 'Сохранение…' : 'Сохранить'}
      </button>
      {dirty && <span class="dirty-note">Есть несохранённые изменения</span>}
    </div>
  );
}
