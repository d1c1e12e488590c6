/**
 * Resolves once `pred` holds, polling every 20 ms; rejects after `ms`. For state that arrives
 * through events: wait on the condition a person would see, never on a sleep.
 */
export async function until(pred: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
