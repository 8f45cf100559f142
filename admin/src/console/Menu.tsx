/** @jsxImportSource react */
// react-admin's menu (dashboard and resources) plus the custom reminders page.
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Menu } from 'react-admin';

export function ConsoleMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item to="/reminders" primaryText="Напоминания" leftIcon={<NotificationsActiveIcon />} />
    </Menu>
  );
}
