// The page around the questionnaire: the skip link, the header (title, window, e-mail, «Выйти»), the
// section menu with completion, and the footer with the resource centre's contacts (seed 000).
import type { ComponentChildren } from 'preact';
import { useNarrow } from '../hooks/useNarrow.ts';
import { lockedNote, sectionState } from '../lib/completion.ts';
import { formatWindow } from '../lib/dates.ts';
import type { Campaign, Completion } from '../lib/types.ts';

/** «Перейти к анкете»: the first stop of the keyboard, it moves the focus to the questionnaire. */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link (WCAG 2.4.1) to a real target, #main; the click moves the focus there itself so the address keeps the #/<section> the form navigates by
    <a
      href="#main"
      class="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Перейти к анкете
    </a>
  );
}

export function Header({ campaign, email }: { campaign?: Campaign | null; email?: string | null }) {
  return (
    <header class="site-header">
      <div class="brand">
        <div class="wrap">Мониторинг результатов независимой оценки качества (НОК)</div>
      </div>
      <div class="wrap header-main">
        <h1 class="title">{campaign ? campaign.title : 'Анкета мониторинга'}</h1>
        {campaign && (
          <div class="header-info">
            <p class="period">
              Срок проведения опроса {formatWindow(campaign.plannedOpensAt ?? campaign.opensAt, campaign.plannedClosesAt ?? campaign.closesAt)}
            </p>
            {email && (
              <div class="account">
                <span>
                  Ваша электронная почта: <strong>{email}</strong>
                </span>
                <form method="post" action="/auth/logout" class="logout">
                  <button type="submit" class="button button-secondary button-small">
                    Выйти
                  </button>
                </form>
              </div>
            )}
          </div>
        )}
      </div>
    </header>
  );
}

export function Footer() {
  return (
    <footer class="site-footer">
      <div class="wrap">
        По вопросам, связанным с проведением мониторинга, обращайтесь в Ресурсный центр ФГБУ «ВНИИ труда» Минтруда России: телефон{' '}
        <a href="tel:+74959172689">(495) 917-26-89</a>, электронная почта <a href="mailto:diagnostica@vcot.info">diagnostica@vcot.info</a>.
      </div>
    </footer>
  );
}

interface NavProps {
  campaign: Campaign;
  completion: Completion;
  current: string;
  /** Sections with edits not saved yet, and sections with a local draft to offer. */
  dirty: ReadonlySet<string>;
  drafts: ReadonlySet<string>;
  onOpen(code: string): void;
}

/**
 * The sections with their completion. On a phone it is one line, «Раздел 2 из 4 · заполнено 45%»,
 * that opens the list, so the question is on the first screen.
 */
export function SectionNav({ campaign, completion, current, dirty, drafts, onOpen }: NavProps) {
  const narrow = useNarrow();
  const bar = (
    <div class="bar" aria-hidden="true">
      <span style={{ width: `${completion.percent}%` }} />
    </div>
  );
  const index = campaign.sections.findIndex((section) => section.code === current);
  const list = (
    <>
      <p class="nav-hint">Для перехода в другой раздел анкеты, {narrow ? 'нажмите' : 'кликните'} на его название</p>
      <ol class="nav-list">
        {campaign.sections.map((section, index) => {
          const state = sectionState(completion, section.code);
          const content: ComponentChildren = (
            <>
              <span class="nav-title">
                {index + 1}. {section.title}
              </span>
              <span class="nav-percent">
                <span class="sr-only">, заполнено на </span>
                <span data-testid={`completion-${section.code}`}>{state.percent}%</span>
              </span>
              {dirty.has(section.code) ? (
                <span class="nav-flag">не сохранено</span>
              ) : drafts.has(section.code) ? (
                <span class="nav-flag">есть черновик</span>
              ) : null}
            </>
          );
          return (
            <li key={section.code} class={state.complete ? 'nav-done' : undefined}>
              {state.unlocked ? (
                <a
                  href={`#/${section.code}`}
                  class="nav-link"
                  aria-current={current === section.code ? 'page' : undefined}
                  onClick={(event) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    event.currentTarget.closest('details')?.removeAttribute('open');
                    onOpen(section.code);
                  }}
                >
                  {content}
                </a>
              ) : (
                <div class="nav-link nav-locked" aria-disabled="true">
                  {content}
                  <span class="nav-note">{lockedNote(campaign, section, true)}</span>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
  return (
    <nav class="sidebar" aria-labelledby="nav-title">
      <h2 id="nav-title" class="sr-only">
        Разделы анкеты
      </h2>
      {narrow ? (
        <details class="steps">
          <summary class="steps-summary">
            <span class="steps-where">
              {index >= 0 ? `Раздел ${index + 1} из ${campaign.sections.length}` : 'Разделы анкеты'}
              <span class="sr-only">,</span>
            </span>
            <span class="steps-percent" data-testid="completion-overall">
              заполнено <strong>{completion.percent}%</strong>
            </span>
            {bar}
          </summary>
          {list}
        </details>
      ) : (
        <>
          <div class="overall" data-testid="completion-overall">
            <p class="overall-text">
              Анкета заполнена на <strong class="overall-percent">{completion.percent}%</strong>
            </p>
            {bar}
          </div>
          {list}
        </>
      )}
    </nav>
  );
}
