import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { fieldOfPlace } from './draft';

const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), button:not([disabled]), select, textarea, a[href], [tabindex="0"]';

/**
 * Moving focus to a place of the form (an input, or a field's group): from the error summary's
 * links, to the first problem after a submit, to a row just added or to "Add" after a removal.
 */
export function usePlaceFocus() {
  const formId = useId();
  /** Where focus goes when a place is not on screen. */
  const summaryRef = useRef<HTMLDivElement>(null);
  const [request, setRequest] = useState<{ place: string; target?: 'add' } | null>(null);

  /** The DOM id of the element for a place. */
  const idOf = useCallback((place: string) => `${formId}-${place.replaceAll('.', '-') || 'form'}`.replace(/[^\w-]/g, ''), [formId]);

  const focusPlace = useCallback(
    (place: string, target?: 'add') => {
      const field = fieldOfPlace(place);
      const element =
        (target === 'add' ? document.getElementById(`${idOf(place)}-add`) : null) ??
        document.getElementById(idOf(place)) ??
        (field ? document.getElementById(idOf(field)) : null);
      if (!element) {
        summaryRef.current?.focus();
        return;
      }
      const focusable = element.matches('input, button, select, textarea, a[href]') && !element.hasAttribute('disabled') ? element : element.querySelector<HTMLElement>(FOCUSABLE);
      (focusable ?? element).focus();
    },
    [idOf],
  );

  // Focus moves after React has drawn the row it points at (a new contact, a removed one…).
  useEffect(() => {
    if (!request) return;
    focusPlace(request.place, request.target);
    setRequest(null);
  }, [request, focusPlace]);

  /** Focus `place` (or, with 'add', its list's Add button) once the next render is on screen. */
  const requestFocus = useCallback((place: string, target?: 'add') => setRequest({ place, target }), []);

  return { idOf, focusPlace, requestFocus, summaryRef };
}
