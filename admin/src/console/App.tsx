/** @jsxImportSource react */
// The coordinators' console: react-admin in Russian over our GraphQL API, hash-routed under /admin/.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import auditLogs from './auditLogs/index.ts';
import authorities from './authorities/index.ts';
import { authProvider } from './authProvider.ts';
import campaigns from './campaigns/index.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { dataProvider } from './dataProvider.ts';
import { ru } from './i18n/ru.ts';
import { ConsoleLayout } from './Layout.tsx';
import { lazyScreen } from './lazyScreen.ts';
import { LoginPage } from './LoginPage.tsx';
import measures from './measures/index.ts';
import outboxMails from './outboxMails/index.ts';
import planActivities from './planActivities/index.ts';
import planIndicators from './planIndicators/index.ts';
import portalTokens from './portalTokens/index.ts';
import practices from './practices/index.ts';
import protocols from './protocols/index.ts';
import regions from './regions/index.ts';
import respondents from './respondents/index.ts';
import responses from './responses/index.ts';
import taskOccurrences from './taskOccurrences/index.ts';
import taskOwners from './taskOwners/index.ts';
import { theme } from './theme.ts';

// The first screen (sign-in, then the dashboard) is in the entry script; the other screens load
// when one of them is first opened (lazyScreen.ts; the resources' index files do the same).
const AnalyticsPage = lazyScreen('AnalyticsPage');
const MeasureSummaryPage = lazyScreen('MeasureSummaryPage');
const RemindersPage = lazyScreen('RemindersPage');
const TaskRemindersPage = lazyScreen('TaskRemindersPage');

const i18nProvider = polyglotI18nProvider(() => ru, 'ru', [{ locale: 'ru', name: 'Русский' }], { allowMissing: true });

export function App() {
  return (
    <Admin
      disableTelemetry
      requireAuth
      title="Консоль координатора"
      dashboard={Dashboard}
      layout={ConsoleLayout}
      loginPage={LoginPage}
      theme={theme}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
    >
      <Resource name="Campaign" {...campaigns} />
      <Resource name="Region" {...regions} />
      <Resource name="Practice" {...practices} />
      <Resource name="PlanIndicator" {...planIndicators} />
      <Resource name="PlanActivity" {...planActivities} />
      <Resource name="Respondent" {...respondents} />
      <Resource name="ResponseRecord" {...responses} />
      <Resource name="OutboxMail" {...outboxMails} />
      <Resource name="AuditLog" {...auditLogs} />
      <Resource name="Authority" {...authorities} />
      <Resource name="Measure" {...measures} />
      <Resource name="PortalToken" {...portalTokens} />
      <Resource name="Protocol" {...protocols} />
      <Resource name="TaskOccurrence" {...taskOccurrences} />
      <Resource name="TaskOwner" {...taskOwners} />
      <CustomRoutes>
        <Route path="/reminders" element={<RemindersPage />} />
        <Route path="/measures/summary" element={<MeasureSummaryPage />} />
        <Route path="/analytics" element={<AnalyticsPage />} />
        <Route path="/task-reminders" element={<TaskRemindersPage />} />
      </CustomRoutes>
      <Resource name="Sphere" recordRepresentation="name" />
    </Admin>
  );
}
