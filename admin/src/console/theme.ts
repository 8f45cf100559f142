// react-admin's default look with darker blues: the default primary (#1976d2) falls short of
// WCAG AA contrast on filled inputs' grey background.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1456a8' },
    secondary: { main: '#0d3c78' },
  },
  components: {
    ...defaultTheme.components,
    // Every spinner has an accessible name: react-admin's app-bar loading indicator gives its
    // progressbar none, so a screen reader announced a nameless «progressbar» on every fetch.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Загрузка' } },
  },
  // Wide enough for the longest menu entry («Мероприятия по итогам НОК») on one line.
  sidebar: { width: 270, closedWidth: 55 },
};
