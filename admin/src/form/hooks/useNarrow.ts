// Whether the screen is a phone's (the layout's one breakpoint, as in form.css), kept up to date.
import { useEffect, useState } from 'preact/hooks';

const NARROW = '(max-width: 860px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(NARROW).matches);
  useEffect(() => {
    const list = matchMedia(NARROW);
    const update = () => setNarrow(list.matches);
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, []);
  return narrow;
}
