/** Phase ids: stable lowercase slugs made from the phase name (no zod, so the UI bundle can use it too). */

export const PHASE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase slug of a name: "Level I · Resolution & fulfilment" -> "level-i-resolution-fulfilment". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'phase' : slug;
}

/** `base`, or `base-2`, `base-3` … whichever is not taken. */
export function uniquePhaseId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug = PHASE_ID_PATTERN.test(base) ? base : slugify(base);
  if (!used.has(slug)) return slug;
  let n = 2;
  while (used.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}
