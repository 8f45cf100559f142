// The console's screens past the first one, loaded on demand: the entry script holds sign-in, the
// layout and the dashboard; the first other screen a coordinator opens loads screens.ts (one chunk
// for all of them, so later navigation waits for nothing). React's lazy() suspends the route
// meanwhile, and react-admin's layout shows its loading indicator.
import { lazy } from 'react';

type Screens = typeof import('./screens.ts');

/** One screen of screens.ts as a component that loads the chunk (once for all) when it first renders. */
export function lazyScreen<Name extends keyof Screens>(name: Name) {
  return lazy(() => import('./screens.ts').then((screens) => ({ default: screens[name] })));
}
