import { PlannedFeature } from '../../../components/PlannedFeature';

export default function PhasesTab() {
  return (
    <PlannedFeature
      title="Plan the implementation phases"
      description="Here you will split the implementation into phases, by groups of processes, by maturity level or both, give each phase its objectives and boundary, and see every process interaction that crosses a phase boundary without a defined interface."
      reference="ISO/IEC TS 20000-5 5.2"
    />
  );
}
