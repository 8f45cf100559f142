// The respondent's cabinet: loads the questionnaire and the person's answers, shows one section at a
// time, saves it, keeps local drafts, and sends the questionnaire once it is complete.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { gql, LOAD, RELOAD, SAVE, SUBMIT, type ApiResponse, type MutationResult, type Outcome } from '../lib/api.ts';
import { initialSection, lockedNote, nextSectionAfterSave, sectionState } from '../lib/completion.ts';
import { formatDateTime, windowNotice } from '../lib/dates.ts';
import { browserStorage, draftKey, draftToOffer, readDraft, removeDraft, writeDraft, type Draft } from '../lib/draft.ts';
import { describePath, fieldId, isFieldPath } from '../lib/errors.ts';
import { initialCompletion, toCampaign, type ApiCampaign } from '../lib/model.ts';
import { plural } from '../../../../api/src/i18n/plural.ts';
import type { Campaign, FieldError, MeasureTypeGroup, Region, ResponseState, Section } from '../lib/types.ts';
import { differsFromStored, sanitizeValues, sectionAnswers, sectionFormValues, type FormValue, type FormValues } from '../lib/values.ts';
import { Ctx, type FormContext } from './context.ts';
import { QuestionView } from './Fields.tsx';
import { Footer, Header, SectionNav } from './Layout.tsx';

interface Loaded {
  campaign: Campaign;
  email: string;
  regions: Region[];
  measureTypeGroups: MeasureTypeGroup[];
}

type Failure = { kind: 'unauthenticated' } | { kind: 'notFound' } | { kind: 'network' } | { kind: 'error'; message: string };

interface Alert {
  kind: 'conflict' | 'network' | 'unauthenticated' | 'error' | 'info';
  message: string;
}

const THANKS = 'thanks';
const DRAFT_DELAY_MS = 700;
const NOTICE_MS = 8000;

const NETWORK_SAVE =
  'Нет связи с сервером. Сведения НЕ сохранены. Введённые данные остались на экране и в черновике на этом компьютере. Проверьте подключение к интернету и нажмите «Сохранить» ещё раз.';
const CONFLICT =
  'Анкета была изменена в другой вкладке или другим пользователем после того, как вы открыли эту страницу. Ваши изменения НЕ сохранены, но остались на экране и в черновике на этом компьютере. Загрузите сохранённую версию: после загрузки вы сможете восстановить свои изменения из черновика, проверить их и сохранить.';

function toResponse(api: ApiResponse): ResponseState {
  return {
    version: api.version,
    status: api.status,
    submittedAt: api.submittedAt,
    completion: api.completion,
    answers: Object.fromEntries(api.answers.map((answer) => [answer.questionCode, answer.value])),
  };
}

function requestedSection(): string | null {
  const match = /^#\/([A-Za-z0-9_-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
}

/** Focuses the input an error summary link names (or the first input of its field). */
function focusField(id: string) {
  const element = document.getElementById(id) ?? document.getElementById(`${id}-field`);
  if (!element) return;
  const target = element.matches('input, select, textarea, button')
    ? element
    : (element.querySelector('input:not([disabled]), select:not([disabled]), textarea:not([disabled])') as HTMLElement | null);
  (target ?? element).scrollIntoView({ block: 'center' });
  target?.focus();
}

export function App({ campaignCode }: { campaignCode: string }) {
  const storage = useMemo(browserStorage, []);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [data, setData] = useState<Loaded | null>(null);
  const [response, setResponseState] = useState<ResponseState | null>(null);
  const [forms, setForms] = useState<Record<string, FormValues>>({});
  const [offers, setOffers] = useState<Record<string, Draft | null>>({});
  const [current, setCurrent] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [alert, setAlert] = useState<Alert | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<'save' | 'submit' | 'reload' | null>(null);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState('');
  const [loadCount, setLoadCount] = useState(0);

  const responseRef = useRef<ResponseState | null>(null);
  const busyRef = useRef(false);
  const focusRef = useRef<'heading' | 'summary' | 'alert' | 'confirm' | null>(null);
  const setResponse = (next: ResponseState) => {
    responseRef.current = next;
    setResponseState(next);
  };

  const campaign = data?.campaign ?? null;
  const section = campaign?.sections.find((candidate) => candidate.code === current) ?? null;
  const keyOf = (code: string) => draftKey(campaignCode, data?.email ?? '', code);
  const readOnly = !!response && (response.status === 'SUBMITTED' || campaign?.windowState !== 'OPEN' || closedMessage !== null);

  /** Drafts that differ from the stored answers, by section. */
  function findOffers(loaded: Loaded, state: ResponseState): Record<string, Draft | null> {
    if (state.status === 'SUBMITTED') return {};
    const key = (code: string) => draftKey(campaignCode, loaded.email, code);
    return Object.fromEntries(
      loaded.campaign.sections.map((candidate) => [candidate.code, draftToOffer(storage, key(candidate.code), candidate, state.answers)]),
    );
  }

  // Loading the questionnaire, the person's answers and the reference lists in one request.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const outcome = await gql<{
        viewer: { email: string } | null;
        campaign: ApiCampaign | null;
        myResponse: ApiResponse | null;
        allRegions: Region[];
        measureTypeGroups: MeasureTypeGroup[];
      }>(LOAD, { code: campaignCode });
      if (cancelled) return;
      if (outcome.kind === 'network') return setFailure({ kind: 'network' });
      if (outcome.kind === 'unauthenticated') return setFailure({ kind: 'unauthenticated' });
      if (outcome.kind === 'error') return setFailure({ kind: 'error', message: outcome.message });
      const result = outcome.data;
      if (!result.viewer) return setFailure({ kind: 'unauthenticated' });
      if (!result.campaign) return setFailure({ kind: 'notFound' });
      const loaded: Loaded = {
        campaign: toCampaign(result.campaign),
        email: result.viewer.email,
        regions: result.allRegions,
        measureTypeGroups: result.measureTypeGroups,
      };
      const state = result.myResponse
        ? toResponse(result.myResponse)
        : { version: 0, status: 'DRAFT' as const, submittedAt: null, completion: initialCompletion(loaded.campaign), answers: {} };
      setFailure(null);
      setData(loaded);
      setResponse(state);
      setOffers(findOffers(loaded, state));
      const requested = requestedSection();
      setCurrent(
        state.status === 'SUBMITTED' && (!requested || requested === THANKS) ? THANKS : initialSection(loaded.campaign, state.completion, requested),
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [campaignCode, loadCount]);

  // The address follows the open section, and the back button goes back through sections.
  useEffect(() => {
    const onHash = () => {
      const requested = requestedSection();
      if (requested && requested !== current) open(requested, false);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  });

  // A section's inputs start from the stored answers the first time it is opened.
  useEffect(() => {
    if (section && response && !forms[section.code]) setForms((all) => ({ ...all, [section.code]: sectionFormValues(section, response.answers) }));
  }, [section, response, forms]);

  const dirty = useMemo(() => {
    const set = new Set<string>();
    if (!campaign || !response) return set;
    for (const candidate of campaign.sections) {
      const values = forms[candidate.code];
      if (values && differsFromStored(candidate, values, response.answers)) set.add(candidate.code);
    }
    return set;
  }, [campaign, response, forms]);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty.size > 0 && !readOnly;

  // Unsaved edits are never lost silently: the browser asks before leaving the page...
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', onLeave);
    return () => removeEventListener('beforeunload', onLeave);
  }, []);

  // ...and the edits are kept as a local draft while the person types.
  /** What this tab last wrote to each draft key. */
  const written = useRef<Record<string, string>>({});
  function writeDrafts(sections: Section[], force = false) {
    if (!campaign || !response || readOnly) return;
    for (const candidate of sections) {
      const values = forms[candidate.code];
      // A draft waiting for «Восстановить» is not overwritten by new typing.
      if (!values || offers[candidate.code]) continue;
      const key = keyOf(candidate.code);
      if (differsFromStored(candidate, values, response.answers)) {
        // Unchanged sections keep the time of their last edit, as long as their draft is still there
        // (a save in another tab removes the section's draft).
        const json = JSON.stringify(values);
        if (!force && written.current[key] === json && readDraft(storage, key)) continue;
        if (writeDraft(storage, key, { savedAt: new Date().toISOString(), version: response.version, values })) written.current[key] = json;
      } else if (key in written.current) {
        // Edits undone: this tab's draft goes. Another tab's draft is not this tab's to drop.
        dropDraft(candidate.code);
      }
    }
  }
  function dropDraft(code: string) {
    const key = keyOf(code);
    removeDraft(storage, key);
    delete written.current[key];
  }
  const writeDraftsRef = useRef(writeDrafts);
  writeDraftsRef.current = writeDrafts;
  useEffect(() => {
    if (!campaign) return;
    const timer = setTimeout(() => writeDraftsRef.current(campaign.sections), DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [forms]);
  useEffect(() => {
    const flush = () => campaign && writeDraftsRef.current(campaign.sections);
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [campaign]);

  // Focus goes where the person needs to look after an action.
  useEffect(() => {
    const target = focusRef.current;
    if (!target) return;
    focusRef.current = null;
    const element = document.getElementById(
      target === 'heading' ? 'section-title' : target === 'summary' ? 'error-summary' : target === 'alert' ? 'form-alert' : 'submit-confirm',
    );
    element?.focus();
  });

  // The notice («Сведения сохранены») stays a few seconds, then the corner is clear again.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    if (!campaign) return;
    const title = current === THANKS ? 'Анкета отправлена' : section?.title;
    document.title = title ? `${title} — ${campaign.title}` : campaign.title;
  }, [campaign, current, section]);

  function open(code: string, push = true) {
    if (!campaign) return;
    // The thank-you page exists once the questionnaire is sent.
    if (code === THANKS ? responseRef.current?.status !== 'SUBMITTED' : !campaign.sections.some((candidate) => candidate.code === code)) return;
    if (push && location.hash !== `#/${code}`) history.pushState(null, '', `#/${code}`);
    setCurrent(code);
    setFieldErrors([]);
    setAlert(null);
    setConfirmError('');
    focusRef.current = 'heading';
  }

  function showAlert(next: Alert) {
    setAlert(next);
    focusRef.current = 'alert';
  }

  /** Handles what every mutation can end with besides success; returns true if it was handled. */
  function handleFailure(outcome: Outcome<unknown>, result: MutationResult | null): boolean {
    if (outcome.kind === 'network') {
      writeDrafts(campaign!.sections, true);
      showAlert({ kind: 'network', message: NETWORK_SAVE });
      return true;
    }
    if (outcome.kind === 'unauthenticated') {
      writeDrafts(campaign!.sections, true);
      showAlert({ kind: 'unauthenticated', message: 'Сеанс работы завершён, сведения не сохранены. Войдите по персональной ссылке из письма.' });
      return true;
    }
    if (outcome.kind === 'error') {
      showAlert({ kind: 'error', message: `${outcome.message} Сведения не сохранены.` });
      return true;
    }
    if (!result) return false;
    switch (result.__typename) {
      case 'ValidationError':
        setFieldErrors(result.fieldErrors);
        focusRef.current = 'summary';
        return true;
      case 'ConflictError':
        writeDrafts(campaign!.sections, true);
        showAlert({ kind: 'conflict', message: CONFLICT });
        return true;
      case 'WindowClosedError':
        writeDrafts(campaign!.sections, true);
        setClosedMessage(result.message);
        showAlert({ kind: 'info', message: result.message });
        return true;
      case 'AlreadySubmittedError':
        setClosedMessage(result.message);
        showAlert({ kind: 'info', message: result.message });
        void reload(false);
        return true;
      case 'IncompleteError':
      case 'NotFoundError':
        showAlert({ kind: 'error', message: result.message });
        return true;
      default:
        return false;
    }
  }

  async function save(andSubmit = false): Promise<boolean> {
    if (!section || !response || busyRef.current || readOnly) return false;
    const values = forms[section.code];
    if (!values) return false;
    busyRef.current = true;
    setBusy('save');
    setAlert(null);
    setNotice('');
    const outcome = await gql<{ saveSection: MutationResult }>(SAVE, {
      input: { campaignCode, sectionCode: section.code, version: responseRef.current!.version, answers: sectionAnswers(section, values) },
    });
    busyRef.current = false;
    setBusy(null);
    const result = outcome.kind === 'ok' ? outcome.data.saveSection : null;
    if (result?.__typename === 'MutationSaveSectionSuccess') {
      const next = toResponse(result.data);
      setResponse(next);
      setForms((all) => ({ ...all, [section.code]: sectionFormValues(section, next.answers) }));
      dropDraft(section.code);
      setOffers((all) => ({ ...all, [section.code]: null }));
      setFieldErrors([]);
      setNotice('Сведения сохранены');
      if (!andSubmit) {
        const target = nextSectionAfterSave(campaign!, next.completion, section.code);
        if (target !== section.code) open(target);
        else focusRef.current = 'heading';
      }
      return true;
    }
    handleFailure(outcome, result);
    return false;
  }

  async function submit() {
    if (!campaign || !response || busyRef.current || readOnly) return;
    if (!confirmed) {
      setConfirmError(`Отметьте «${campaign.submit.confirmLabel}», чтобы отправить анкету.`);
      focusRef.current = 'confirm';
      return;
    }
    if (section && dirty.has(section.code) && !(await save(true))) return;
    busyRef.current = true;
    setBusy('submit');
    setAlert(null);
    const outcome = await gql<{ submitResponse: MutationResult }>(SUBMIT, {
      input: { campaignCode, version: responseRef.current!.version, confirm: true },
    });
    busyRef.current = false;
    setBusy(null);
    const result = outcome.kind === 'ok' ? outcome.data.submitResponse : null;
    if (result?.__typename === 'MutationSubmitResponseSuccess') {
      setResponse(toResponse(result.data));
      for (const candidate of campaign.sections) dropDraft(candidate.code);
      setOffers({});
      setNotice('Анкета отправлена');
      open(THANKS);
      return;
    }
    if (!handleFailure(outcome, result)) showAlert({ kind: 'error', message: 'Анкета не отправлена. Попробуйте ещё раз.' });
  }

  /** Loads the stored answers again (after a conflict); local edits stay in the drafts to restore. */
  async function reload(focusHeading = true) {
    if (!data || busyRef.current) return;
    writeDrafts(data.campaign.sections, true);
    busyRef.current = true;
    setBusy('reload');
    const outcome = await gql<{ campaign: { windowState: Campaign['windowState'] } | null; myResponse: ApiResponse | null }>(RELOAD, {
      code: campaignCode,
    });
    busyRef.current = false;
    setBusy(null);
    if (outcome.kind !== 'ok') {
      if (outcome.kind === 'unauthenticated')
        showAlert({ kind: 'unauthenticated', message: 'Сеанс работы завершён. Войдите по персональной ссылке из письма.' });
      else
        showAlert({
          kind: 'network',
          message: 'Не удалось загрузить сохранённую версию: нет связи с сервером. Ваши данные остались на экране. Попробуйте ещё раз.',
        });
      return;
    }
    const state = outcome.data.myResponse
      ? toResponse(outcome.data.myResponse)
      : { version: 0, status: 'DRAFT' as const, submittedAt: null, completion: initialCompletion(data.campaign), answers: {} };
    if (outcome.data.campaign) setData({ ...data, campaign: { ...data.campaign, windowState: outcome.data.campaign.windowState } });
    setResponse(state);
    setForms({});
    setOffers(findOffers(data, state));
    setFieldErrors([]);
    setAlert(null);
    setNotice('Загружена сохранённая версия анкеты');
    if (focusHeading) focusRef.current = 'heading';
  }

  function restoreDraft(draft: Draft) {
    if (!section) return;
    setForms((all) => ({ ...all, [section.code]: sanitizeValues(section, draft.values) }));
    setOffers((all) => ({ ...all, [section.code]: null }));
    setNotice('Черновик восстановлен. Проверьте ответы и нажмите «Сохранить».');
    focusRef.current = 'heading';
  }
  function discardDraft() {
    if (!section) return;
    dropDraft(section.code);
    setOffers((all) => ({ ...all, [section.code]: null }));
    setNotice('Черновик удалён');
    focusRef.current = 'heading';
  }

  const context: FormContext = {
    regions: data?.regions ?? [],
    measureTypeGroups: data?.measureTypeGroups ?? [],
    errors: Object.fromEntries(fieldErrors.map((error) => [error.path, error.message])),
    disabled: readOnly,
    announce: setNotice,
  };

  // ---------------------------------------------------------------------------

  const live = (
    <div class="live" role="status" aria-live="polite" aria-atomic="true">
      {notice && <p class="notice">{notice}</p>}
    </div>
  );

  if (failure || !data || !response || !campaign) {
    return (
      <>
        <Header campaign={campaign} />
        <div class="wrap page">
          <main id="main" class="main main-full" aria-busy={!failure ? 'true' : undefined}>
            {!failure ? (
              <p class="loading">Загрузка анкеты…</p>
            ) : failure.kind === 'unauthenticated' ? (
              <div class="panel">
                <h2>Войдите по персональной ссылке из письма</h2>
                <p>
                  Анкета открывается по персональной ссылке, которая пришла на вашу электронную почту в письме «Мониторинг результатов НОК». Если
                  письма нет, проверьте папку «Спам» или получите ссылку повторно.
                </p>
                <p>
                  <a class="button" href="/link">
                    Получить ссылку повторно
                  </a>
                </p>
              </div>
            ) : failure.kind === 'notFound' ? (
              <div class="panel">
                <h2>Опрос не найден</h2>
                <p>Проверьте адрес страницы: возможно, ссылка устарела.</p>
              </div>
            ) : (
              <div class="panel" role="alert">
                <h2>Не удалось загрузить анкету</h2>
                <p>{failure.kind === 'network' ? 'Нет связи с сервером. Проверьте подключение к интернету.' : failure.message}</p>
                <p>
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      setFailure(null);
                      setLoadCount((count) => count + 1);
                    }}
                  >
                    Повторить
                  </button>
                </p>
              </div>
            )}
          </main>
        </div>
        <Footer />
      </>
    );
  }

  const completion = response.completion;
  const isLast = !!section && campaign.sections[campaign.sections.length - 1]!.code === section.code;
  const state = section ? sectionState(completion, section.code) : null;
  const values = section ? forms[section.code] : undefined;
  const offer = section && !readOnly ? offers[section.code] : null;
  const statusNote =
    response.status === 'SUBMITTED'
      ? `Анкета отправлена${response.submittedAt ? ` ${formatDateTime(response.submittedAt)} (мск)` : ''} и доступна только для просмотра.`
      : (closedMessage ?? windowNotice(campaign.windowState, campaign.opensAt, campaign.closesAt));
  const drafts = new Set(
    Object.entries(offers)
      .filter(([, draft]) => draft)
      .map(([code]) => code),
  );
  const sectionCodes = section ? section.questions.map((question) => question.code) : [];

  return (
    <>
      <a href="#main" class="skip-link" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        Перейти к анкете
      </a>
      <Header campaign={campaign} email={data.email} />
      <div class="wrap page">
        <SectionNav campaign={campaign} completion={completion} current={current} dirty={dirty} drafts={drafts} onOpen={open} />
        <main id="main" class="main" tabIndex={-1}>
          {live}
          {statusNote && current !== THANKS && alert?.message !== statusNote && <p class="banner">{statusNote}</p>}
          {alert && (
            <div id="form-alert" class={`alert alert-${alert.kind === 'info' ? 'info' : 'error'}`} role="alert" tabIndex={-1}>
              <p>{alert.message}</p>
              {alert.kind === 'conflict' && (
                <button type="button" class="button" onClick={() => reload()} aria-disabled={busy ? 'true' : undefined}>
                  {busy === 'reload' ? 'Загрузка…' : 'Загрузить сохранённую версию'}
                </button>
              )}
              {alert.kind === 'unauthenticated' && (
                <p>
                  <a href="/link">Получить ссылку повторно</a>
                </p>
              )}
            </div>
          )}
          {current === THANKS ? (
            <div class="thanks">
              <h2 id="section-title" tabIndex={-1}>
                {campaign.submit.thanks}
              </h2>
              <p>
                Анкета отправлена{response.submittedAt ? ` ${formatDateTime(response.submittedAt)} (мск)` : ''}. Изменить ответы больше нельзя; чтобы
                просмотреть их, выберите раздел в меню.
              </p>
            </div>
          ) : !section || !state ? null : !state.unlocked ? (
            <div class="section">
              <h2 id="section-title" tabIndex={-1}>
                {section.title}
              </h2>
              <p class="banner">{lockedNote(campaign, section)}</p>
            </div>
          ) : (
            <form
              class="section"
              noValidate
              aria-labelledby="section-title"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
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
              {section === campaign.sections[0] && campaign.intro && !readOnly && <p class="intro">{campaign.intro}</p>}
              {section.description && <p class="section-description">{section.description}</p>}
              {offer && (
                <div class="draft" role="region" aria-labelledby="draft-title">
                  <p id="draft-title">Найден несохранённый черновик раздела от {formatDateTime(offer.savedAt)}. Восстановить?</p>
                  <div class="actions-inline">
                    <button type="button" class="button" onClick={() => restoreDraft(offer)}>
                      Восстановить
                    </button>
                    <button type="button" class="button button-secondary" onClick={discardDraft}>
                      Удалить черновик
                    </button>
                  </div>
                </div>
              )}
              {fieldErrors.length > 0 && (
                <div id="error-summary" class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
                  <h3 id="error-summary-title">
                    Сведения не сохранены: {fieldErrors.length} {plural(fieldErrors.length, ['ошибка', 'ошибки', 'ошибок'])}
                  </h3>
                  <ul>
                    {fieldErrors.map((error, index) => {
                      const where = describePath(section, error.path);
                      return (
                        <li key={index}>
                          {isFieldPath(error.path, sectionCodes) ? (
                            <a
                              href={`#${fieldId(error.path)}`}
                              onClick={(event) => {
                                event.preventDefault();
                                focusField(fieldId(error.path));
                              }}
                            >
                              {error.message}
                            </a>
                          ) : (
                            error.message
                          )}
                          {where && <span class="where"> ({where})</span>}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              {!readOnly && section.questions.some((question) => question.required) && (
                <p class="required-note">Вопросы, помеченные звёздочкой *, являются обязательными для заполнения.</p>
              )}
              {values && (
                <Ctx.Provider value={context}>
                  {section.questions.map((question) => (
                    <QuestionView
                      key={question.code}
                      q={question}
                      value={values[question.code]!}
                      onChange={(value: FormValue) =>
                        setForms((all) => ({ ...all, [section.code]: { ...all[section.code], [question.code]: value } }))
                      }
                    />
                  ))}
                </Ctx.Provider>
              )}
              {!readOnly && (
                <div class="actions">
                  <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
                    {busy === 'save' ? 'Сохранение…' : 'Сохранить'}
                  </button>
                  {dirty.has(section.code) && <span class="dirty-note">Есть несохранённые изменения</span>}
                </div>
              )}
            </form>
          )}
          {isLast && state?.unlocked && response.status === 'DRAFT' && !readOnly && (
            <div class="submit-block">
              {completion.complete ? (
                <>
                  <div class={`field${confirmError ? ' field-error' : ''}`}>
                    <div class="checkbox">
                      <input
                        type="checkbox"
                        id="submit-confirm"
                        checked={confirmed}
                        aria-invalid={confirmError ? 'true' : undefined}
                        aria-describedby={confirmError ? 'submit-confirm-error' : 'submit-confirm-help'}
                        onChange={(event) => {
                          setConfirmed(event.currentTarget.checked);
                          setConfirmError('');
                        }}
                      />
                      <label for="submit-confirm" class="label">
                        {campaign.submit.confirmLabel}
                      </label>
                    </div>
                    {confirmError ? (
                      <p id="submit-confirm-error" class="error-message">
                        <span class="sr-only">Ошибка: </span>
                        {confirmError}
                      </p>
                    ) : (
                      <p id="submit-confirm-help" class="help">
                        После отправки анкета станет недоступна для изменений.
                      </p>
                    )}
                  </div>
                  <button type="button" class="button button-submit" onClick={() => void submit()} aria-disabled={busy ? 'true' : undefined}>
                    {busy === 'submit' ? 'Отправка…' : campaign.submit.buttonLabel}
                  </button>
                </>
              ) : (
                <p class="help">
                  Отправить анкету можно после заполнения всех обязательных вопросов. Сейчас анкета заполнена на {completion.percent}%.
                </p>
              )}
            </div>
          )}
        </main>
      </div>
      <Footer />
    </>
  );
}
