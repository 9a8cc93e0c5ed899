import type { SaveUnitAssessmentPayload, SaveUnitAssessmentResponse } from '@contract/assessment';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveUnitAssessment(payload: SaveUnitAssessmentPayload): Promise<ResolverResult<SaveUnitAssessmentResponse>> {
  return callResolver<SaveUnitAssessmentResponse>('saveUnitAssessment', { ...payload });
}
