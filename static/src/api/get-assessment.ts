import type { GetAssessmentPayload, GetAssessmentResponse } from '@contract/assessment';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getAssessment(payload: GetAssessmentPayload = {}): Promise<ResolverResult<GetAssessmentResponse>> {
  return callResolver<GetAssessmentResponse>('getAssessment', { ...payload });
}
