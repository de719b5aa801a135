import { startTransition, type FormEvent } from 'react';

/**
 * Submits a form to its action without React's automatic form reset, so that what the person typed
 * stays on screen when the server refuses it (bad value, closed month, conflict).
 */
export function keepValues(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
