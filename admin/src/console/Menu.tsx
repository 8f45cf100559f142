/** @jsxImportSource react */
// The console's menu, in the order of a coordinator's work: the survey in progress (dashboard,
// campaigns, people, questionnaires, chasing, what was sent), what the answers show, the reference
// catalogues, and the audit log.
import AlarmIcon from '@mui/icons-material/Alarm';
import InsightsIcon from '@mui/icons-material/Insights';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Menu } from 'react-admin';

export function ConsoleMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItem name="Campaign" />
      <Menu.ResourceItem name="Respondent" />
      <Menu.ResourceItem name="ResponseRecord" />
      <Menu.Item to="/reminders" primaryText="Напоминания" leftIcon={<NotificationsActiveIcon />} />
      <Menu.ResourceItem name="OutboxMail" />
      <Menu.Item to="/analytics" primaryText="Аналитика" leftIcon={<InsightsIcon />} />
      <Menu.ResourceItem name="Measure" />
      <Menu.ResourceItem name="Authority" />
      <Menu.ResourceItem name="Region" />
      <Menu.ResourceItem name="Practice" />
      <Menu.ResourceItem name="PlanIndicator" />
      <Menu.ResourceItem name="PlanActivity" />
      <Menu.ResourceItem name="Protocol" />
      <Menu.ResourceItem name="TaskOccurrence" />
      <Menu.ResourceItem name="TaskOwner" />
      <Menu.Item to="/task-reminders" primaryText="Напоминания о сроках" leftIcon={<AlarmIcon />} />
      <Menu.ResourceItem name="PortalToken" />
      <Menu.ResourceItem name="AuditLog" />
    </Menu>
  );
}
