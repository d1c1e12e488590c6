import type { AppEvent } from '@shared/events'

export type EventHandler = (e: AppEvent) => void

/** A tiny typed event bus: core emits, each transport subscribes once and forwards. */
export class EventBus {
  private readonly handlers = new Set<EventHandler>()
  on(h: EventHandler): () => void {
    this.handlers.add(h)
    return () => this.handlers.delete(h)
  }
  emit(e: AppEvent): void {
    for (const h of [...this.handlers]) {
      try {
        h(e)
      } catch {
        // A broken subscriber must never break the engine.
      }
    }
  }
}
