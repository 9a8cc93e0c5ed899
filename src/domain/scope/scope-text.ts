/** Small text helpers shared by the scope statement and the diff. */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  const xs = items.filter((s) => s.trim() !== '');
  if (xs.length === 0) return '';
  if (xs.length === 1) return xs[0] as string;
  return `${xs.slice(0, -1).join(', ')} ${conjunction} ${xs[xs.length - 1] as string}`;
}

export function ensureSentence(s: string): string {
  const t = s.trim();
  if (t === '') return '';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
