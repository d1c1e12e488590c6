import { z } from 'zod'

/** Declare a contract method: its zod input schema, and (as a type only) its result. */
export function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O }
}

/** Input schema for methods that take nothing. */
export const none = z.object({}).strict().optional()
