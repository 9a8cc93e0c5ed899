/**
 * `npm start` (after `npm run build:ui`): the local Jira + Confluence sandbox with the app in it.
 *   --reset              discard the saved state and reseed
 *   PORT                 port to listen on (default 8080)
 *   HOST                 interface (default 127.0.0.1; 0.0.0.0 to reach it from outside a container)
 *   SANDBOX_DATA_DIR     where the state lives (default .sandbox-data)
 *   SANDBOX_TRAFFIC_LOG  append every product call to this file as JSON lines
 *   SANDBOX_CONFLUENCE   connected (default) | disconnected: whether the site has the app connected to Confluence
 */
import { HostData, httpInject } from './host/host-data';
import { CONFLUENCE_SPACE_KEY, paths } from './host/host-pages';
import { parseConfluenceSwitch } from './confluence-connection';
import { startSandbox } from './server';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a number from 0 to 65535 (got "${raw}").`);
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length > 0) throw new Error(`Unknown argument(s): ${unknown.join(' ')}. The only flag is --reset.`);
  const reset = args.includes('--reset');
  const sandbox = await startSandbox({
    port: parsePort(process.env.PORT),
    host: process.env.HOST || '127.0.0.1',
    dataDir: process.env.SANDBOX_DATA_DIR || '.sandbox-data',
    reset,
    confluence: parseConfluenceSwitch(process.env.SANDBOX_CONFLUENCE),
    ...(process.env.SANDBOX_TRAFFIC_LOG ? { trafficLogFile: process.env.SANDBOX_TRAFFIC_LOG } : {}),
  });

  const shown = sandbox.url.replace('127.0.0.1', 'localhost');
  const data = new HostData(httpInject(() => sandbox.url));
  const firstIssue = (await data.issues('SMS', { asApp: true }, 1))[0]?.key ?? 'SMS-1';
  const space = await data.spaceHome(CONFLUENCE_SPACE_KEY);
  const confluence = space?.homepageId ? paths.confluencePage(space.key, space.homepageId) : paths.spaceOverview(CONFLUENCE_SPACE_KEY);
  const lines = [
    `SMS Navigator sandbox${reset ? ' (state reset to the seed)' : ''} on ${shown}`,
    `  Project page     ${shown}${paths.projectPage('SMS')}`,
    `  Issue view       ${shown}${paths.issue(firstIssue)}`,
    `  Settings page    ${shown}${paths.settingsPage('SMS')}`,
    `  Confluence space ${shown}${confluence}`,
    `  Team-managed     ${shown}${paths.projectPage('OPS')}`,
    `Confluence: ${sandbox.confluence.declared ? sandbox.confluence.switch : 'not declared in manifest.yml app.compatibility (unreachable)'} (SANDBOX_CONFLUENCE, or the switch in the top bar).`,
    `State: ${process.env.SANDBOX_DATA_DIR || '.sandbox-data'} (npm start -- --reset to reseed). Ctrl+C to stop.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the sandbox…\n`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
