// The respondent's cabinet: loads the questionnaire and the person's answers, shows one section at a
// time, saves it, keeps local drafts, and sends the questionnaire once it is complete. The state and
// the actions are useQuestionnaire's; this puts the page together. The loading page and the
// questionnaire share the page's frame (header, <main>, footer), so the <main> the person was in
// when they pressed «Повторить» stays where the keyboard goes on from.
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useHashNavigation } from '../hooks/useHashNavigation.ts';
import { useLeaveGuard } from '../hooks/useLeaveGuard.ts';
import { useQuestionnaire } from '../hooks/useQuestionnaire.ts';
import { sectionState } from '../lib/completion.ts';
import { offeredSections } from '../lib/draft.ts';
import { isLastSection, pageTitle, THANKS } from '../lib/navigation.ts';
import { statusNote } from '../lib/response.ts';
import { Footer, Header, SectionNav, SkipLink } from './Layout.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { LockedSection } from './LockedSection.tsx';
import { MissingNote } from './MissingNote.tsx';
import { FormAlert, LiveRegion } from './Notices.tsx';
import { ReturnedBanner } from './ReturnedBanner.tsx';
import { SectionForm } from './SectionForm.tsx';
import { SubmitBlock } from './SubmitBlock.tsx';
import { Thanks } from './Thanks.tsx';

export function App({ campaignCode }: { campaignCode: string }) {
  const q = useQuestionnaire(campaignCode);
  const { data, response, current, section, readOnly, alert } = q;
  const campaign = data?.campaign ?? null;
  useLeaveGuard(q.dirty.size > 0 && !readOnly);
  useHashNavigation(current, q.open);
  useDocumentTitle(campaign && pageTitle(campaign, current, section));

  if (q.failure || !data || !response || !campaign) {
    return (
      <>
        <Header campaign={campaign} />
        <div class="wrap page">
          <main id="main" class="main main-full" aria-busy={!q.failure ? 'true' : undefined}>
            <LoadStatus failure={q.failure} onRetry={q.retry} />
          </main>
        </div>
        <Footer />
      </>
    );
  }

  const completion = response.completion;
  const state = section ? sectionState(completion, section.code) : null;
  const banner = current === THANKS ? null : statusNote(campaign, response, q.closedMessage);
  return (
    <>
      <SkipLink />
      <Header campaign={campaign} email={data.email} />
      <div class="wrap page">
        <SectionNav
          campaign={campaign}
          completion={completion}
          current={current}
          dirty={q.dirty}
          drafts={offeredSections(q.offers)}
          onOpen={q.open}
        />
        <main id="main" class="main" tabIndex={-1}>
          <LiveRegion notice={q.notice} />
          <ReturnedBanner response={response} />
          {banner && alert?.message !== banner && <p class="banner">{banner}</p>}
          {q.missing && !readOnly && <MissingNote campaign={campaign} missing={q.missing} onGo={q.goToQuestion} />}
          {alert && <FormAlert alert={alert} busy={q.busy} onReload={() => void q.reload()} />}
          {current === THANKS ? (
            <Thanks campaign={campaign} response={response} />
          ) : !section || !state ? null : !state.unlocked ? (
            <LockedSection campaign={campaign} section={section} />
          ) : (
            <SectionForm
              campaign={campaign}
              section={section}
              values={q.forms[section.code]}
              lists={data}
              readOnly={readOnly}
              offer={readOnly ? null : q.offers[section.code]}
              fieldErrors={q.fieldErrors}
              busy={q.busy}
              dirty={q.dirty.has(section.code)}
              announce={q.announce}
              onChange={(questionCode, value) => q.setAnswer(section.code, questionCode, value)}
              onSave={() => void q.save()}
              onRestore={q.restoreDraft}
              onDiscard={q.discardDraft}
            />
          )}
          {section && isLastSection(campaign, section) && state?.unlocked && response.status === 'DRAFT' && !readOnly && (
            <SubmitBlock
              labels={campaign.submit}
              completion={completion}
              confirmation={q.confirmation}
              busy={q.busy}
              onSubmit={() => void q.submit()}
            />
          )}
        </main>
      </div>
      <Footer />
    </>
  );
}
