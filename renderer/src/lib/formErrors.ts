import type { ErrorInfo } from '@shared/errors'

/** A form's errors: one message per field, and `form` for what belongs to no field. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>

/**
 * Place a failed save's issues on the form's fields, every one at once. Issue paths come as
 * "domain", "patch.domain" (an update) or "hosts.2"; an issue on no known field, or an error
 * without issues, goes to `form`. Messages are shown as the server wrote them; the input the
 * person typed is never rewritten.
 */
export function placeIssues<F extends string>(err: ErrorInfo, fields: readonly F[]): FormErrors<F> {
  const out: FormErrors<F> = {}
  for (const issue of err.issues ?? []) {
    const parts = issue.path.split('.').filter((p) => p !== 'patch')
    const key = fields.find((f) => f === parts[0]) ?? 'form'
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : sentence(issue.message)
  }
  if (!Object.keys(out).length) out.form = sentence(err.message)
  return out
}

/** Whether there is anything to show. */
export function hasErrors(e: Partial<Record<string, string>>): boolean {
  return Object.values(e).some(Boolean)
}

/**
 * A message with its first letter capitalised (server and rule messages start lower-case). A
 * message that starts by quoting the input is left alone: what was typed is never re-cased.
 */
export function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : message
}
