import { createContext, useContext } from 'react';
import type { ProjectRoute } from './routes';

/**
 * Opens another view of the project page, as the sidebar would (the host URL moves, so back and reload work). The
 * project page provides it; a view uses it for "Go to …" actions in its empty states.
 */
export const GoToView = createContext<(route: ProjectRoute) => void>(() => undefined);

export const useGoToView = (): ((route: ProjectRoute) => void) => useContext(GoToView);

