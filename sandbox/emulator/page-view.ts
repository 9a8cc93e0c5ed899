import type * as SchemaDefault from '@atlaskit/adf-schema/schema-default';
import type * as Jsdom from 'jsdom';
import type { JSDOM } from 'jsdom';
import { DOMSerializer } from 'prosemirror-model';

let dom: JSDOM | undefined;
function document(): Document {
  // Loaded on first use: jsdom and the ADF schema were most of a sandbox start's module loading (about 0.7 s),
  // and a server that renders no page (most restarts of the crash harness) never needs them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  dom ??= new (require('jsdom') as typeof Jsdom).JSDOM('<!doctype html><html><body></body></html>');
  return dom.window.document;
}

type DefaultSchema = typeof SchemaDefault.defaultSchema;
let schema: DefaultSchema | undefined;
function defaultSchema(): DefaultSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  schema ??= (require('@atlaskit/adf-schema/schema-default') as typeof SchemaDefault).defaultSchema;
  return schema;
}

/** The ADF document as a checked ProseMirror node of the ADF schema; throws when Confluence would refuse it. */
function checkedNode(adf: unknown): ReturnType<DefaultSchema['nodeFromJSON']> {
  const node = defaultSchema().nodeFromJSON(adf);
  node.check();
  return node;
}

/** Throws when `adf` is not a document of the ADF schema (what a page write checks; no DOM needed). */
export function checkAdf(adf: unknown): void {
  checkedNode(adf);
}

/**
 * Loads jsdom and the ADF schema now instead of at the first page view or page write (for test harnesses, whose
 * per-test time limit should not pay for the module loading the sandbox defers).
 */
export function loadPageRenderer(): void {
  defaultSchema();
  document();
}

/**
 * ADF -> HTML with ProseMirror's DOMSerializer over the ADF schema (`defaultSchema`), in a jsdom document.
 * Text is escaped by the DOM; links other than http(s), mailto and relative ones lose their href.
 */
export function adfToHtml(adf: unknown): string {
  if (adf === null || adf === undefined) return '';
  const node = checkedNode(adf);
  const doc = document();
  const holder = doc.createElement('div');
  // The schema comes with its own prosemirror-model copy; the serializer only needs the node specs' toDOM.
  const serializer = DOMSerializer.fromSchema(defaultSchema() as unknown as Parameters<typeof DOMSerializer.fromSchema>[0]);
  holder.appendChild(serializer.serializeFragment(node.content as unknown as Parameters<typeof serializer.serializeFragment>[0], { document: doc }));
  for (const a of Array.from(holder.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!/^(https?:|mailto:|\/|#)/i.test(href.trim())) a.removeAttribute('href');
  }
  for (const el of Array.from(holder.querySelectorAll('[data-node-type="expand"], [data-node-type="nestedExpand"]'))) {
    const title = doc.createElement('div');
    title.className = 'expand-title';
    title.textContent = el.getAttribute('data-title') || 'Details';
    el.insertBefore(title, el.firstChild);
  }
  return holder.innerHTML;
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
  body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #172b4d; margin: 0; background: #fff; }
  header.bar { background: #0c66e4; color: #fff; padding: 10px 24px; font-weight: 600; }
  header.bar a { color: #fff; text-decoration: none; }
  main { max-width: 960px; margin: 0 auto; padding: 24px; line-height: 1.5; }
  nav.crumbs { font-size: 13px; color: #626f86; margin-bottom: 8px; }
  nav.crumbs a { color: #0c66e4; text-decoration: none; }
  h1.page-title { font-size: 28px; margin: 4px 0 4px; }
  .meta { font-size: 12px; color: #626f86; margin-bottom: 24px; }
  table { border-collapse: collapse; margin: 12px 0; width: 100%; }
  th, td { border: 1px solid #dcdfe4; padding: 6px 10px; text-align: left; vertical-align: top; }
  th { background: #f1f2f4; }
  td p, th p { margin: 0; }
  span[data-node-type="status"] { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 700;
    text-transform: uppercase; background: #dfe1e6; color: #44546f; margin: 0 2px; }
  span[data-node-type="status"][data-color="green"] { background: #dcfff1; color: #216e4e; }
  span[data-node-type="status"][data-color="red"] { background: #ffeceb; color: #ae2e24; }
  span[data-node-type="status"][data-color="yellow"] { background: #fff7d6; color: #7f5f01; }
  span[data-node-type="status"][data-color="blue"] { background: #e9f2ff; color: #0055cc; }
  span[data-node-type="status"][data-color="purple"] { background: #f3f0ff; color: #5e4db2; }
  div[data-panel-type] { border-radius: 3px; padding: 8px 12px; margin: 12px 0; background: #e9f2ff; border-left: 4px solid #0c66e4; }
  div[data-panel-type="note"] { background: #f3f0ff; border-color: #6e5dc6; }
  div[data-panel-type="warning"] { background: #fff7d6; border-color: #e2b203; }
  div[data-panel-type="error"] { background: #ffeceb; border-color: #e34935; }
  div[data-panel-type="success"] { background: #dcfff1; border-color: #22a06b; }
  div[data-node-type="expand"], div[data-node-type="nestedExpand"] { border: 1px solid #dcdfe4; border-radius: 3px; padding: 8px 12px; margin: 12px 0; }
  .expand-title { font-weight: 600; margin-bottom: 4px; }
  .expand-title::before { content: "\\25BE  "; }
  a[data-inline-card] { background: #f1f2f4; border-radius: 3px; padding: 1px 4px; color: #0c66e4; text-decoration: none; }
  section.children { border-top: 1px solid #dcdfe4; margin-top: 32px; padding-top: 12px; }
  section.children h2 { font-size: 16px; }
`;

export interface PageViewModel {
  spaceKey: string;
  spaceName: string;
  title: string;
  version: number;
  updatedAt: string;
  bodyHtml: string;
  ancestors: { id: string; title: string }[];
  children: { id: string; title: string }[];
}

/** A complete, readable HTML page in the style of a Confluence page view. */
export function renderPageView(m: PageViewModel): string {
  const link = (id: string, title: string): string => `<a href="/wiki/spaces/${encodeURIComponent(m.spaceKey)}/pages/${encodeURIComponent(id)}">${escapeHtml(title)}</a>`;
  const crumbs = [escapeHtml(m.spaceName), ...m.ancestors.map((a) => link(a.id, a.title))].join(' / ');
  const children =
    m.children.length === 0
      ? ''
      : `<section class="children" aria-label="Child pages"><h2>Child pages</h2><ul>${m.children.map((c) => `<li>${link(c.id, c.title)}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(m.title)} - ${escapeHtml(m.spaceName)} - Confluence (sandbox)</title>
<style>${STYLE}</style></head>
<body><header class="bar"><a href="/wiki/spaces/${encodeURIComponent(m.spaceKey)}">Confluence (sandbox)</a></header>
<main><nav class="crumbs" aria-label="Breadcrumbs">${crumbs}</nav>
<h1 class="page-title">${escapeHtml(m.title)}</h1>
<div class="meta">Version ${m.version} &middot; last updated ${escapeHtml(m.updatedAt)}</div>
<article class="page-body">${m.bodyHtml}</article>
${children}</main></body></html>`;
}
