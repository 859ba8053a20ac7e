/** React bindings for one reader: the engine's state and the annotation list, as snapshots. */
import { useSyncExternalStore } from 'react';
import type { AnnotationManager } from '../../reader/annotation-manager';
import type { EngineState, ReaderEngine } from '../../reader/engine';

export function useEngineState(engine: ReaderEngine): EngineState {
  return useSyncExternalStore(engine.subscribe, engine.getState);
}

/** Re-renders on every manager change; returns the manager for reading. */
export function useAnnotations(manager: AnnotationManager) {
  useSyncExternalStore(
    (l) => manager.subscribe(l),
    () => manager.list(),
  );
  useSyncExternalStore(
    (l) => manager.subscribe(l),
    () => `${manager.status}|${manager.canUndo}|${manager.canRedo}`,
  );
  return manager;
}
