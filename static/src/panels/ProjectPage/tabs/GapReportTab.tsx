import { PlannedFeature } from '../../../components/PlannedFeature';

export default function GapReportTab() {
  return (
    <PlannedFeature
      title="Analyse the gaps"
      description="Here you will see, for every clause 4 to 10, the conformity result with its evidence from mapped issues, warnings where the record does not hold together, a readiness figure, and publish it all as a living report in the Confluence space chosen in the project settings."
      reference="ISO/IEC 20000-1 clauses 4 to 10"
    />
  );
}
