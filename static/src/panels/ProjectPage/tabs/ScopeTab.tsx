import { PlannedFeature } from '../../../components/PlannedFeature';

export default function ScopeTab() {
  return (
    <PlannedFeature
      title="Define the scope of your SMS"
      description="Here you will record which services, organizational units, locations, customers and other parties the service management system covers, list exclusions with their reasons, and keep every saved version of the generated scope statement."
      reference="ISO/IEC TS 20000-5 4.3 · ISO/IEC 20000-1 4.3"
    />
  );
}
