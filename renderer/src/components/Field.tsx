import type { ReactNode } from 'react'
import { sentence } from '../lib/formErrors'

export interface FieldProps {
  id: string
  label: string
  hint?: string
  error?: string
  optional?: boolean
  /** Renders the control; receives the aria attributes that tie it to hint and error. */
  children(aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }): ReactNode
}

/** A labelled form field with an optional hint and an error announced with the control. */
export function Field({ id, label, hint, error, optional, children }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> optional</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {sentence(error)}
        </p>
      )}
    </div>
  )
}
