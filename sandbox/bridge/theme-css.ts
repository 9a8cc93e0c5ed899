import getThemeStyles from '@atlaskit/tokens/get-theme-styles';

let cached: Promise<string> | undefined;

/**
 * The design-token CSS a Forge host gives a Custom UI when it calls `view.theme.enable()`: the light and dark
 * colour themes plus spacing, typography and shape, each scoped by `data-theme`/`data-color-mode` on <html>.
 * Built once from @atlaskit/tokens and shared by the host pages and the app frames.
 */
export function themeCss(): Promise<string> {
  cached ??= buildThemeCss();
  return cached;
}

async function buildThemeCss(): Promise<string> {
  // The token package asks a feature-gate client that only exists inside Atlassian products and logs that
  // it is missing; the themes it returns are the standard ones either way.
  const quiet = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    const styles = await getThemeStyles({
      colorMode: 'auto',
      light: 'light',
      dark: 'dark',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    } as Parameters<typeof getThemeStyles>[0]);
    return styles.map((s) => `/* ${s.id} */\n${s.css}`).join('\n');
  } finally {
    Object.assign(console, quiet);
  }
}
