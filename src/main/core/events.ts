/** The core's typed event bus; both transports forward it to their windows. */
import type { EventName, MainEvents } from '../../shared/ipc/contract';

type Listener<E extends EventName> = (payload: MainEvents[E]) => void;
export type AnyListener = <E extends EventName>(event: E, payload: MainEvents[E]) => void;

export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: MainEvents[E]): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch (e) {
        console.error(`[events] listener for ${event} failed:`, e);
      }
    }
  }

  /** Subscribe to every event; returns the unsubscribe function. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    return this.onAny((name, payload) => {
      if ((name as EventName) === event) listener(payload as MainEvents[E]);
    });
  }
}
