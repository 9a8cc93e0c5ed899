import { PlannedFeature } from '../../../components/PlannedFeature';

export default function InitiationTab() {
  return (
    <PlannedFeature
      title="Prepare the initiation"
      description="Here you will build the business case, record the baseline assessment with its KPIs, set the target state and keep a register of the implementation challenges, before and while the first epics exist."
      reference="ISO/IEC TS 20000-5 5.3 and 5.4"
    />
  );
}
