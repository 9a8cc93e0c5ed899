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

/** 0, 0.01 … 1: the ratio moves as the host scrolls near the frame's edges, so the band is kept current there. */
const THRESHOLDS = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * Follows the visible band; returns the unsubscribe. Each call observes afresh, so the first report is the band
 * as it is now (an observer reports once on observe): a band kept from an earlier dialog would be stale, since in
 * the middle of a tall frame scrolling the host does not change the intersection ratio and no report comes.
 */
export function followVisibleBand(listener: (b: VisibleBand) => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || typeof document === 'undefined') return () => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1];
      if (e === undefined || !e.isIntersecting) return;
      listener({ top: e.intersectionRect.top, bottom: e.intersectionRect.bottom });
    },
    { threshold: THRESHOLDS },
  );
  observer.observe(document.documentElement);
  return () => observer.disconnect();
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
