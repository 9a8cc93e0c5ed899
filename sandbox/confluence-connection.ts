import { RequestProductNotAllowedError } from '@forge/api';

/**
 * Whether the sandbox site has the app connected to Confluence, the optional app of its manifest.
 *  - The manifest must declare Confluence in `app.compatibility`; if it does not, Confluence is unreachable
 *    whatever the switch says (as on Forge, where such an app has no Confluence installation to call).
 *  - The switch (SANDBOX_CONFLUENCE=connected|disconnected, the host top bar) plays the site admin who
 *    connects Confluence under Apps > Manage apps, or has not.
 * When unreachable, the app's Confluence transport fails the way @forge/api does for a product call the
 * installation may not make: it throws RequestProductNotAllowedError before any request leaves (see
 * docs/forge-facts.md for the sources and what is inferred).
 */
export type ConfluenceSwitch = 'connected' | 'disconnected';

export function parseConfluenceSwitch(raw: string | undefined): ConfluenceSwitch {
  if (raw === undefined || raw === '') return 'connected';
  if (raw === 'connected' || raw === 'disconnected') return raw;
  throw new Error(`SANDBOX_CONFLUENCE must be "connected" or "disconnected" (got "${raw}").`);
}

export class ConfluenceConnection {
  constructor(
    /** The manifest declares Confluence in app.compatibility. */
    readonly declared: boolean,
    private current: ConfluenceSwitch = 'connected',
  ) {}

  get switch(): ConfluenceSwitch {
    return this.current;
  }

  set(value: ConfluenceSwitch): void {
    this.current = value;
  }

  /** The app may call Confluence: declared in the manifest and connected on the site. */
  get reachable(): boolean {
    return this.declared && this.current === 'connected';
  }

  /** Throws what @forge/api throws for a call into an app the installation cannot reach. */
  assertReachable(): void {
    if (!this.reachable) throw new RequestProductNotAllowedError('confluence', 'jira');
  }
}
