/** The answer at a dotted path of a JSON body ("answer", "choices.0.message.content"); the whole body when the path is empty or not found. */
export function answerAt(body: string, path: string | undefined): { text: string; found: boolean } {
  if (!path) return { text: body, found: true }
  let v: unknown
  try {
    v = JSON.parse(body)
  } catch {
    return { text: body, found: false }
  }
  for (const k of path.split('.')) {
    if (v && typeof v === 'object') v = (v as Record<string, unknown>)[k]
    else return { text: body, found: false }
  }
  if (typeof v === 'string') return { text: v, found: true }
  return v === undefined ? { text: body, found: false } : { text: JSON.stringify(v), found: true }
}

/** A rough token count (about 4 characters a token), for the run's token budget. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4)
