// Unsaved edits are never lost silently: while there are some, the browser asks before leaving the page.
import { useEffect, useRef } from 'preact/hooks';

export function useLeaveGuard(unsaved: boolean): void {
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!unsavedRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', onLeave);
    return () => removeEventListener('beforeunload', onLeave);
  }, []);
}
