/**
 * The part of the app's frame the user can see. Jira sizes a Custom UI frame to its content, so inside the frame
 * "the viewport" is the whole page and a `position: fixed` dialog lands at the frame's top, out of sight once the
 * host page is scrolled. An IntersectionObserver with the implicit root measures the frame document against the
 * top-level viewport (it works across origins, as in Jira), in the frame's own coordinates.
 */
export interface VisibleBand {
  top: number;
  bottom: number;
}

let band: VisibleBand | null = null;
let observer: IntersectionObserver | null = null;
const listeners = new Set<(b: VisibleBand) => void>();

/** 0, 0.01 … 1: the ratio moves as the host scrolls, so the band is kept current. */
const THRESHOLDS = Array.from({ length: 101 }, (_, i) => i / 100);

function start(): void {
  if (observer !== null || typeof IntersectionObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1];
      if (e === undefined || !e.isIntersecting) return;
      const r = e.intersectionRect;
      band = { top: r.top, bottom: r.bottom };
      for (const l of listeners) l(band);
    },
    { threshold: THRESHOLDS },
  );
  observer.observe(document.documentElement);
}

/** Follows the visible band (called at once when it is known); returns the unsubscribe. */
export function followVisibleBand(listener: (b: VisibleBand) => void): () => void {
  start();
  listeners.add(listener);
  if (band !== null) listener(band);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * How far to move an element fixed at `rect` (frame coordinates) so that it sits in the middle of the visible band,
 * at least `margin` px inside it (null: it does not fit, leave it and scroll instead).
 */
export function offsetIntoBand(rect: { top: number; height: number }, b: VisibleBand, margin = 24): number | null {
  const room = b.bottom - b.top;
  if (rect.height + 2 * margin > room) return null;
  const top = b.top + (room - rect.height) / 2;
  return Math.round(top - rect.top);
}
