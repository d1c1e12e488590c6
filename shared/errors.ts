/** Error codes every transport carries unchanged from core to the UI and CLI. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unavailable' | 'cancelled' | 'internal'

export interface ErrorInfo {
  code: ErrorCode
  message: string
  /** Field-level problems for invalid_input: path (dotted) and message. */
  issues?: { path: string; message: string }[]
}

/** An expected failure with a message fit to show a person. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues?: ErrorInfo['issues']
  constructor(code: ErrorCode, message: string, issues?: ErrorInfo['issues']) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
  toInfo(): ErrorInfo {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/** What every transport returns: never a thrown error across a process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
