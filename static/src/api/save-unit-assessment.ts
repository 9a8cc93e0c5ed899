import type { SaveUnitAssessmentPayload } from '@contract/assessment';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveUnitAssessment(payload: SaveUnitAssessmentPayload): Promise<ResultOf<'saveUnitAssessment'>> {
  return callResolver('saveUnitAssessment', payload);
}
