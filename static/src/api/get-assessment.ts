import type { GetAssessmentPayload } from '@contract/assessment';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getAssessment(payload: GetAssessmentPayload = {}): Promise<ResultOf<'getAssessment'>> {
  return callResolver('getAssessment', payload);
}
