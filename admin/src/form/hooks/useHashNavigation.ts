// The address follows the open screen (#/<code>, pushed by the action that opens it), and the
// browser's back and forward buttons go through the screens the person opened.
import { useEffect, useRef } from 'preact/hooks';
import { screenFromHash } from '../lib/navigation.ts';

export function useHashNavigation(current: string, open: (code: string, push: boolean) => void): void {
  const latest = useRef({ current, open });
  latest.current = { current, open };
  useEffect(() => {
    const onHash = () => {
      const requested = screenFromHash(location.hash);
      if (requested && requested !== latest.current.current) latest.current.open(requested, false);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
}
