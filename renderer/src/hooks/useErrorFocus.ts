import { useLayoutEffect, type RefObject } from 'react'

/**
 * The one form pattern's focus rule: whenever a new set of errors is shown, focus moves to the
 * first invalid control in the form (in page order), or to its form-level message when no field
 * is at fault, so focus never drops to the page after a refused save. Pass a new object for
 * every attempt (each validation or failed save makes one).
 */
export function useErrorFocus(form: RefObject<HTMLElement | null>, errors: Partial<Record<string, string>>): void {
  useLayoutEffect(() => {
    const root = form.current
    if (!root || !Object.values(errors).some(Boolean)) return
    const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[data-form-error]')
    target?.focus()
  }, [form, errors])
}
