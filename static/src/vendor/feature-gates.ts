/**
 * Stand-in for `@atlaskit/feature-gate-js-client/feature-gates` in the Custom UI bundles (aliased in
 * static/vite.config.ts and static/vite.macro.config.ts). Atlassian's feature gates are initialised only by the
 * products' own front ends; inside a Forge Custom UI iframe nothing initialises the client, so every check the
 * Atlaskit components make answers its default: a gate is off, an experiment gives the default value. This
 * stand-in gives those same answers without shipping the Statsig client (about 30 KB gzipped per view).
 */
const FeatureGates = {
  checkGate: (_gateName: string): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T): T => defaultValue,
  initializeCompleted: (): boolean => false,
};

export default FeatureGates;
