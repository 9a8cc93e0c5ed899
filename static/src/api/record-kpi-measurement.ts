import type { RecordKpiMeasurementPayload, RecordKpiMeasurementResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function recordKpiMeasurement(payload: RecordKpiMeasurementPayload): Promise<ResolverResult<RecordKpiMeasurementResponse>> {
  return callResolver<RecordKpiMeasurementResponse>('recordKpiMeasurement', { ...payload });
}
