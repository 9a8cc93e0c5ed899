import Lozenge from '@atlaskit/lozenge';

/** A suggestion's calibrated confidence, e.g. "92 % likely"; green when the app counts it as confident. */
export function ConfidenceTag({ confidence, confident }: { confidence: number; confident: boolean }) {
  const pct = Math.round(confidence * 100);
  return (
    <span title={confident ? 'Confident suggestion' : 'Not confident: check before accepting'}>
      <Lozenge appearance={confident ? 'success' : pct >= 50 ? 'moved' : 'default'}>{`${pct} % likely`}</Lozenge>
    </span>
  );
}
