import { PlannedFeature } from '../../../components/PlannedFeature';

export default function MaturityTab() {
  return (
    <PlannedFeature
      title="Assess process maturity"
      description="Here you will rate each clause-8 process and the SMS as a whole on the 19 key elements (none, I, II or III, current and target), see a heatmap of the gaps and which elements to raise next, and compare snapshots over time."
      reference="ISO/IEC TS 20000-5 5.2.3, Table 1"
    />
  );
}
