/**
 * A promise whose outcome, once it is in, can be read synchronously: a view's first render uses an answer that is
 * already here (the view context, a first read started before React ran) instead of rendering a loading state and
 * then the view, one commit and one paint later.
 */
export interface Tracked<T> {
  readonly promise: Promise<T>;
  /** The value once the promise fulfilled; undefined while it is pending or after it rejected. */
  settledValue(): T | undefined;
}

export function tracked<T>(promise: Promise<T>): Tracked<T> {
  let outcome: { value: T } | undefined;
  promise.then(
    (value) => {
      outcome = { value };
    },
    () => undefined,
  );
  return { promise, settledValue: () => outcome?.value };
}
