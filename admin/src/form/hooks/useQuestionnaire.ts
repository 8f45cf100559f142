// The questionnaire on the page and what the person does with it: it is loaded with their answers
// (useLoad), one section is open at a time, its inputs start from the stored answers, a section is
// saved, the questionnaire is sent, and after a conflict the stored version is loaded again. Every
// action says what happened (the notice, the alert, the error summary) and moves the focus there;
// the edits are kept as local drafts meanwhile (useDrafts). The components only show what this holds.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { gql, RELOAD, SAVE, SUBMIT, type ApiResponse, type MutationResult, type Outcome } from '../lib/api.ts';
import { nextSectionAfterSave, sectionState } from '../lib/completion.ts';
import { browserStorage, type Draft } from '../lib/draft.ts';
import type { Failure, Loaded } from '../lib/load.ts';
import { canOpen, firstScreen, screenFromHash, THANKS } from '../lib/navigation.ts';
import { mutationProblem, reloadFailure, type Alert } from '../lib/problems.ts';
import { isReadOnly, responseOf, toResponse } from '../lib/response.ts';
import type { Campaign, FieldError, ResponseState, Section } from '../lib/types.ts';
import { changedSections, sanitizeValues, sectionAnswers, sectionFormValues, type FormValue, type FormValues } from '../lib/values.ts';
import { useConfirmation, type Confirmation } from './useConfirmation.ts';
import { useDrafts } from './useDrafts.ts';
import { useFocusRequest } from './useFocusRequest.ts';
import { useLoad } from './useLoad.ts';
import { useNotice } from './useNotice.ts';
import { useWindowReopen } from './useWindowReopen.ts';
import type { Missing } from '../components/MissingNote.tsx';
import { plural } from '../../../../api/src/i18n/plural.ts';
import { fieldId } from '../lib/errors.ts';

/** The request under way: its button says so, and no other starts meanwhile. */
export type Busy = 'save' | 'submit' | 'reload';

export interface Questionnaire {
  /** Why the questionnaire is not on screen (null while loading and once loaded). */
  failure: Failure | null;
  retry(): void;
  data: Loaded | null;
  response: ResponseState | null;
  /** The open screen: a section's code, or THANKS. */
  current: string;
  section: Section | null;
  /** The inputs by section (a section's appear once it has been opened). */
  forms: Record<string, FormValues>;
  /** Sections with edits not saved yet. */
  dirty: ReadonlySet<string>;
  /** Local drafts offered back, by section. */
  offers: Record<string, Draft | null>;
  readOnly: boolean;
  /** Why the questionnaire turned read-only while the page was open (the window closed, or it was sent elsewhere). */
  closedMessage: string | null;
  /** The required questions the last save left unanswered in its section. */
  missing: Missing | null;
  /** Opens a section and focuses one of its questions. */
  goToQuestion(section: string, question: string): void;
  /** The answers the server refused at the last save. */
  fieldErrors: FieldError[];
  alert: Alert | null;
  /** What the polite live region says. */
  notice: string;
  announce(text: string): void;
  busy: Busy | null;
  confirmation: Confirmation;
  /** Opens a screen; push: a new entry in the browser's history (not when following the address). */
  open(code: string, push?: boolean): void;
  setAnswer(sectionCode: string, questionCode: string, value: FormValue): void;
  save(): Promise<boolean>;
  submit(): Promise<void>;
  /** Loads the stored answers again (after a conflict); the edits stay in the drafts to restore. */
  reload(): Promise<void>;
  restoreDraft(draft: Draft): void;
  discardDraft(): void;
}

export function useQuestionnaire(campaignCode: string): Questionnaire {
  const storage = useMemo(browserStorage, []);
  const [data, setData] = useState<Loaded | null>(null);
  const [response, setResponseState] = useState<ResponseState | null>(null);
  const [forms, setForms] = useState<Record<string, FormValues>>({});
  const [current, setCurrent] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [alert, setAlert] = useState<Alert | null>(null);
  const [busy, setBusyState] = useState<Busy | null>(null);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [notice, setNotice] = useNotice();
  const confirmation = useConfirmation();
  const requestFocus = useFocusRequest();

  /** The latest response at once: a submit right after a save sends the version the save returned. */
  const responseRef = useRef<ResponseState | null>(null);
  const setResponse = (next: ResponseState) => {
    responseRef.current = next;
    setResponseState(next);
  };
  /** Set at once, so a second click before the next render starts nothing. */
  const busyRef = useRef(false);
  const setBusy = (next: Busy | null) => {
    busyRef.current = next !== null;
    setBusyState(next);
  };

  const { failure, retry } = useLoad(campaignCode, (loaded, state) => {
    setData(loaded);
    setResponse(state);
    drafts.offer(loaded, state);
    setCurrent(firstScreen(loaded.campaign, state, screenFromHash(location.hash)));
  });

  const campaign = data?.campaign ?? null;
  const section = campaign?.sections.find((candidate) => candidate.code === current) ?? null;
  const readOnly = isReadOnly(campaign, response, closedMessage);
  const drafts = useDrafts({ storage, campaignCode, email: data?.email ?? '', campaign, response, forms, readOnly });

  // The window opened again while the page was open: the inputs unlock with the edits in them.
  useWindowReopen(!!campaign && response?.status === 'DRAFT' && readOnly, campaignCode, (window) => {
    setData((loaded) => (loaded ? { ...loaded, campaign: { ...loaded.campaign, ...window } } : loaded));
    setClosedMessage(null);
    setAlert(null);
    setNotice('Опрос снова открыт: анкету можно заполнять и сохранять.');
  });

  // A section's inputs start from the stored answers the first time it is opened.
  useEffect(() => {
    if (section && response && !forms[section.code]) setForms((all) => ({ ...all, [section.code]: sectionFormValues(section, response.answers) }));
  }, [section, response, forms]);

  const dirty = useMemo(
    () => (campaign && response ? changedSections(campaign.sections, forms, response.answers) : new Set<string>()),
    [campaign, response, forms],
  );

  function open(code: string, push = true) {
    if (!campaign || !canOpen(campaign, responseRef.current?.status, code)) return;
    if (push && location.hash !== `#/${code}`) history.pushState(null, '', `#/${code}`);
    setCurrent(code);
    setFieldErrors([]);
    setAlert(null);
    confirmation.clearError();
    requestFocus('heading');
  }

  function showAlert(next: Alert) {
    setAlert(next);
    requestFocus('alert');
  }

  /** Does what a save or a submit that did not succeed calls for; false when its result is no known problem. */
  function handleFailure(outcome: Outcome<unknown>, result: MutationResult | null): boolean {
    const problem = mutationProblem(outcome, result);
    if (!problem) return false;
    if (problem.keepDrafts) drafts.keep();
    if (problem.closed !== undefined) setClosedMessage(problem.closed);
    if (problem.fieldErrors) {
      setFieldErrors(problem.fieldErrors);
      requestFocus('summary');
    }
    if (problem.alert) showAlert(problem.alert);
    if (problem.reload) void reload(false);
    return true;
  }

  /** Saves the open section; then opens the next one, unless the save is the first step of sending. */
  async function save(andSubmit = false): Promise<boolean> {
    if (!section || !response || busyRef.current || readOnly) return false;
    const values = forms[section.code];
    if (!values) return false;
    setBusy('save');
    setAlert(null);
    setNotice('');
    const outcome = await gql<{ saveSection: MutationResult }>(SAVE, {
      input: { campaignCode, sectionCode: section.code, version: responseRef.current!.version, answers: sectionAnswers(section, values) },
    });
    setBusy(null);
    const result = outcome.kind === 'ok' ? outcome.data.saveSection : null;
    if (result?.__typename === 'MutationSaveSectionSuccess') {
      const next = toResponse(result.data);
      setResponse(next);
      setForms((all) => ({ ...all, [section.code]: sectionFormValues(section, next.answers) }));
      drafts.drop(section.code);
      drafts.dismiss(section.code);
      setFieldErrors([]);
      const left = sectionState(next.completion, section.code).missing ?? [];
      setMissing(left.length ? { section: section.code, questions: left } : null);
      setNotice(
        left.length
          ? `Сведения сохранены. Без ответа ${left.length} ${plural(left.length, ['обязательный вопрос', 'обязательных вопроса', 'обязательных вопросов'])}: список вверху страницы.`
          : 'Сведения сохранены',
      );
      if (!andSubmit) {
        const target = nextSectionAfterSave(campaign!, next.completion, section.code);
        if (target !== section.code) open(target);
        else requestFocus('heading');
      }
      return true;
    }
    handleFailure(outcome, result);
    return false;
  }

  async function submit() {
    if (!campaign || !response || busyRef.current || readOnly) return;
    if (!confirmation.checked) {
      confirmation.fail(`Отметьте «${campaign.submit.confirmLabel}», чтобы отправить анкету.`);
      requestFocus('confirm');
      return;
    }
    if (section && dirty.has(section.code) && !(await save(true))) return;
    setBusy('submit');
    setAlert(null);
    const outcome = await gql<{ submitResponse: MutationResult }>(SUBMIT, {
      input: { campaignCode, version: responseRef.current!.version, confirm: true },
    });
    setBusy(null);
    const result = outcome.kind === 'ok' ? outcome.data.submitResponse : null;
    if (result?.__typename === 'MutationSubmitResponseSuccess') {
      setResponse(toResponse(result.data));
      drafts.dropAll();
      setNotice('Анкета отправлена');
      open(THANKS);
      return;
    }
    if (!handleFailure(outcome, result)) showAlert({ kind: 'error', message: 'Анкета не отправлена. Попробуйте ещё раз.' });
  }

  async function reload(focusHeading = true) {
    if (!data || busyRef.current) return;
    drafts.keep();
    setBusy('reload');
    const outcome = await gql<{ campaign: { windowState: Campaign['windowState'] } | null; myResponse: ApiResponse | null }>(RELOAD, {
      code: campaignCode,
    });
    setBusy(null);
    if (outcome.kind !== 'ok') return showAlert(reloadFailure(outcome));
    const state = responseOf(outcome.data.myResponse, data.campaign);
    if (outcome.data.campaign) setData({ ...data, campaign: { ...data.campaign, windowState: outcome.data.campaign.windowState } });
    setResponse(state);
    setForms({});
    drafts.offer(data, state);
    setFieldErrors([]);
    setAlert(null);
    setNotice('Загружена сохранённая версия анкеты');
    if (focusHeading) requestFocus('heading');
  }

  function restoreDraft(draft: Draft) {
    if (!section) return;
    setForms((all) => ({ ...all, [section.code]: sanitizeValues(section, draft.values) }));
    drafts.dismiss(section.code);
    setNotice('Черновик восстановлен. Проверьте ответы и нажмите «Сохранить».');
    requestFocus('heading');
  }

  function discardDraft() {
    if (!section) return;
    drafts.drop(section.code);
    drafts.dismiss(section.code);
    setNotice('Черновик удалён');
    requestFocus('heading');
  }

  return {
    failure,
    retry,
    data,
    response,
    current,
    section,
    forms,
    dirty,
    offers: drafts.offers,
    readOnly,
    closedMessage,
    fieldErrors,
    missing: current === THANKS ? null : missing,
    goToQuestion(sectionCode, questionCode) {
      if (sectionCode !== current) open(sectionCode);
      requestFocus({ field: fieldId(questionCode) });
    },
    alert,
    notice,
    announce: setNotice,
    busy,
    confirmation,
    open,
    setAnswer: (sectionCode, questionCode, value) => setForms((all) => ({ ...all, [sectionCode]: { ...all[sectionCode], [questionCode]: value } })),
    save: () => save(),
    submit,
    reload: () => reload(),
    restoreDraft,
    discardDraft,
  };
}
