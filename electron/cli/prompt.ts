import { createInterface } from 'node:readline/promises'

/** Ask a yes/no question on the terminal; false when stdin is not a terminal. */
export async function confirm(question: string, input = process.stdin, output = process.stderr): Promise<boolean> {
  if (!(input as NodeJS.ReadStream).isTTY) return false
  const rl = createInterface({ input, output })
  try {
    const answer = await rl.question(`${question} [y/N] `)
    return /^y(es)?$/i.test(answer.trim())
  } finally {
    rl.close()
  }
}
