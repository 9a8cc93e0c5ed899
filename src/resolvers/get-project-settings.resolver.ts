import { z } from 'zod';
import type { GetProjectSettingsResponse } from '../contract/settings';
import { defineResolver } from './define-resolver';

/** The project's SMS Navigator settings (defaults with version 0 before the first save). */
export const getProjectSettings = defineResolver({
  key: 'getProjectSettings',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GetProjectSettingsResponse> =>
    ctx.deps.projectSettings.view(ctx.project.id),
});
