/** @jsxImportSource react */
// react-admin's layout, its title as the page's <h1>, and a user menu whose accessible name is the visible e-mail (the default
// labels the button «Профиль» while it shows the address, which screen-reader users cannot match).
import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { ChosenCampaignSelect } from './campaigns/CampaignSelect.tsx';
import { ConsoleMenu } from './Menu.tsx';

function ConsoleUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? 'Профиль'}>
      <Logout />
    </UserMenu>
  );
}

/**
 * The page title in the app bar is the page's one level-one heading, so the bar stays on screen
 * (react-admin hides it while scrolling down, which would hide the heading too). Beside it, the
 * campaign the console is about.
 */
function ConsoleAppBar() {
  return (
    <AppBar alwaysOn userMenu={<ConsoleUserMenu />}>
      <TitlePortal component="h1" />
      <ChosenCampaignSelect />
    </AppBar>
  );
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={ConsoleAppBar} menu={ConsoleMenu}>
      {children}
    </Layout>
  );
}
