// Every screen but the first one (sign-in, then the dashboard), in one chunk that the console
// loads when a coordinator first leaves the dashboard (lazyScreen.ts). Only lazyScreen.ts imports
// this file, and only dynamically: a static import would put every screen back into the entry.
export { AnalyticsPage } from './analytics/AnalyticsPage.tsx';
export { AuditLogList } from './auditLogs/AuditLogList.tsx';
export { AuditLogShow } from './auditLogs/AuditLogShow.tsx';
export { AuthorityList } from './authorities/AuthorityList.tsx';
export { AuthorityShow } from './authorities/AuthorityShow.tsx';
export { CampaignList } from './campaigns/CampaignList.tsx';
export { CampaignShow } from './campaigns/CampaignShow.tsx';
export { MeasureList } from './measures/MeasureList.tsx';
export { MeasureShow } from './measures/MeasureShow.tsx';
export { MeasureSummaryPage } from './measures/MeasureSummaryPage.tsx';
export { OutboxMailList } from './outboxMails/OutboxMailList.tsx';
export { PlanActivityList } from './planActivities/PlanActivityList.tsx';
export { PlanActivityShow } from './planActivities/PlanActivityShow.tsx';
export { PlanIndicatorList } from './planIndicators/PlanIndicatorList.tsx';
export { PlanIndicatorShow } from './planIndicators/PlanIndicatorShow.tsx';
export { PortalTokenCreate } from './portalTokens/PortalTokenCreate.tsx';
export { PortalTokenList } from './portalTokens/PortalTokenList.tsx';
export { PortalTokenShow } from './portalTokens/PortalTokenShow.tsx';
export { PracticeCreate } from './practices/PracticeCreate.tsx';
export { PracticeEdit } from './practices/PracticeEdit.tsx';
export { PracticeList } from './practices/PracticeList.tsx';
export { PracticeShow } from './practices/PracticeShow.tsx';
export { RegionList } from './regions/RegionList.tsx';
export { RegionShow } from './regions/RegionShow.tsx';
export { RemindersPage } from './reminders/RemindersPage.tsx';
export { RespondentList } from './respondents/RespondentList.tsx';
export { RespondentShow } from './respondents/RespondentShow.tsx';
export { ResponseList } from './responses/ResponseList.tsx';
export { ResponseShow } from './responses/ResponseShow.tsx';
