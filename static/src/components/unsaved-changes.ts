/**
 * Which parts of the page hold unsaved edits. A section reports itself with `useUnsavedChanges`; whoever is about
 * to replace the view (a section switch, the project page's subpage switch, a publish) asks `unsavedChanges()`
 * first and confirms with the user. The browser's own "leave page?" prompt covers a reload or closing the tab.
 */
import { useEffect, useSyncExternalStore } from 'react';

const dirty = new Map<string, string>();
const listeners = new Set<() => void>();

const notify = (): void => {
  for (const l of listeners) l();
};

/** Labels of the sections with unsaved edits, in the order they reported. */
export function unsavedChanges(): string[] {
  return [...dirty.values()];
}

/** Forget every report (after the user chose to discard). */
export function discardUnsavedChanges(): void {
  dirty.clear();
  notify();
}

/** Called with no arguments whenever the set of unsaved sections changes. */
export function onUnsavedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const beforeUnload = (e: BeforeUnloadEvent): void => {
  if (dirty.size === 0) return;
  e.preventDefault();
  e.returnValue = '';
};

/** Reports `label` as holding unsaved edits while `isDirty`; the report ends when the component unmounts. */
export function useUnsavedChanges(key: string, label: string, isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return undefined;
    dirty.set(key, label);
    notify();
    if (typeof window !== 'undefined' && dirty.size === 1) window.addEventListener('beforeunload', beforeUnload);
    return () => {
      dirty.delete(key);
      notify();
      if (typeof window !== 'undefined' && dirty.size === 0) window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [key, label, isDirty]);
}

let snapshot: readonly string[] = [];
const subscribe = (cb: () => void): (() => void) =>
  onUnsavedChange(() => {
    snapshot = unsavedChanges();
    cb();
  });

/** The labels of the sections with unsaved edits; re-renders when that changes. */
export function useUnsavedList(): readonly string[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}
