import type { RecordKpiMeasurementPayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function recordKpiMeasurement(payload: RecordKpiMeasurementPayload): Promise<ResultOf<'recordKpiMeasurement'>> {
  return callResolver('recordKpiMeasurement', payload);
}
