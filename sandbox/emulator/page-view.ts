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
/** What an inline card to a Jira issue shows, like Confluence's smart link: key, summary, status. */
export interface IssueCard {
  key: string;
  summary: string;
  status: string;
  category: 'new' | 'indeterminate' | 'done';
}

export interface RenderOptions {
  /** The frame URL for a Forge macro node of this app, or undefined for an extension the sandbox cannot render. */
  macroFrame?: (extensionKey: string, localId: string) => string | undefined;
  /** The page editor: each macro of this app gets an "Edit" action above its frame. */
  editable?: boolean;
  /** The issue an inline card links to, as the viewer may see it; undefined = the card shows its URL only. */
  issueCard?: (key: string) => IssueCard | undefined;
}

export function adfToHtml(adf: unknown, options: RenderOptions = {}): string {
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
  // Expands are closed until opened, as Confluence shows them.
  for (const el of Array.from(holder.querySelectorAll('[data-node-type="expand"], [data-node-type="nestedExpand"]'))) {
    const details = doc.createElement('details');
    details.setAttribute('data-node-type', el.getAttribute('data-node-type') ?? 'expand');
    const title = doc.createElement('summary');
    title.className = 'expand-title';
    title.textContent = el.getAttribute('data-title') || 'Details';
    details.append(title, ...Array.from(el.childNodes));
    el.replaceWith(details);
  }
  renderExtensions(holder, doc, options);
  renderCards(holder, doc, options);
  return holder.innerHTML;
}

/** A Forge macro of this app is framed like Confluence frames it (the app's resource in an iframe); other extensions say they cannot be shown. */
function renderExtensions(holder: HTMLElement, doc: Document, options: RenderOptions): void {
  for (const el of Array.from(holder.querySelectorAll('[data-node-type="extension"]'))) {
    const key = el.getAttribute('data-extension-key') ?? '';
    const localId = el.getAttribute('data-local-id') ?? el.getAttribute('data-local-id:') ?? '';
    const src = options.macroFrame?.(key, localId);
    const title = el.getAttribute('data-text') || 'Macro';
    if (src === undefined) {
      el.textContent = `The macro “${title}” cannot be shown: its app is not installed here.`;
      el.setAttribute('class', 'macro-missing');
      continue;
    }
    const frame = doc.createElement('iframe');
    frame.setAttribute('src', src);
    frame.setAttribute('title', title);
    frame.setAttribute('class', 'forge-macro');
    frame.setAttribute('data-macro-key', key);
    if (options.editable !== true) {
      el.replaceChildren(frame);
      continue;
    }
    // The editor's macro frame: its name and an "Edit" action that opens the macro's configuration.
    const bar = doc.createElement('div');
    bar.className = 'macro-edit-bar';
    const name = doc.createElement('span');
    name.textContent = title;
    const edit = doc.createElement('button');
    edit.setAttribute('type', 'button');
    edit.className = 'edit-macro';
    edit.setAttribute('data-local-id', localId);
    edit.setAttribute('aria-label', `Edit the ${title} macro`);
    edit.textContent = 'Edit';
    bar.append(name, edit);
    el.setAttribute('class', 'macro-editing');
    el.replaceChildren(bar, frame);
  }
}

const BROWSE_KEY = /\/browse\/([A-Z][A-Z0-9_]*-[1-9][0-9]*)$/;

/** Inline cards to Jira issues show key, summary and status, as Confluence's smart links do for a viewer who may see the issue. */
function renderCards(holder: HTMLElement, doc: Document, options: RenderOptions): void {
  if (options.issueCard === undefined) return;
  for (const a of Array.from(holder.querySelectorAll('a[data-inline-card]'))) {
    const href = a.getAttribute('href') ?? '';
    const key = BROWSE_KEY.exec(href)?.[1];
    const card = key === undefined ? undefined : options.issueCard(key);
    if (card === undefined) continue;
    a.textContent = '';
    const k = doc.createElement('span');
    k.className = 'card-key';
    k.textContent = card.key;
    const s = doc.createElement('span');
    s.className = 'card-summary';
    s.textContent = ` ${card.summary} `;
    const st = doc.createElement('span');
    st.className = `card-status card-${card.category}`;
    st.textContent = card.status;
    a.append(k, s, st);
    a.setAttribute('title', `${card.key}: ${card.summary} (${card.status})`);
  }
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
  body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #172b4d; margin: 0; background: #fff; }
  header.bar { background: #0c66e4; color: #fff; padding: 10px 24px; font-weight: 600; }
  header.bar a { color: #fff; text-decoration: none; }
  main { max-width: 960px; margin: 0 auto; padding: 24px; line-height: 1.5; }
  nav.crumbs { font-size: 13px; color: #626f86; margin-bottom: 8px; }
  a { color: #0c66e4; }
  nav.crumbs a { color: #0c66e4; text-decoration: none; }
  h1.page-title { font-size: 28px; margin: 4px 0 4px; }
  .meta { font-size: 12px; color: #626f86; margin-bottom: 24px; }
  table { border-collapse: collapse; margin: 12px 0; width: 100%; }
  /* Confluence's width options of tables and macros: "wide" and "full width" break out of the fixed-width page column. */
  table[data-layout="wide"], [data-node-type="extension"][data-layout="wide"] { width: min(1280px, calc(100vw - 48px)); margin-left: calc(50% - min(640px, 50vw - 24px)); }
  table[data-layout="full-width"], [data-node-type="extension"][data-layout="full-width"] { width: calc(100vw - 48px); margin-left: calc(50% - 50vw + 24px); }
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
  details[data-node-type="expand"], details[data-node-type="nestedExpand"] { border: 1px solid #dcdfe4; border-radius: 3px; padding: 8px 12px; margin: 12px 0; }
  .expand-title { font-weight: 600; cursor: pointer; }
  details[open] > .expand-title { margin-bottom: 4px; }
  html[data-color-mode="dark"] details[data-node-type] { border-color: #38414a; }
  a[data-inline-card] { background: #f1f2f4; border-radius: 3px; padding: 1px 4px; color: #0c66e4; text-decoration: none; box-shadow: 0 1px 1px rgba(9,30,66,.25); }
  a[data-inline-card] .card-key { font-weight: 600; }
  a[data-inline-card] .card-summary { color: #172b4d; }
  .card-status { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase; background: #dfe1e6; color: #44546f; }
  .card-status.card-indeterminate { background: #e9f2ff; color: #0055cc; }
  .card-status.card-done { background: #dcfff1; color: #216e4e; }
  iframe.forge-macro { width: 100%; height: 600px; min-height: 60px; border: 0; display: block; margin: 8px 0 16px; }
  .macro-missing { border: 1px dashed #dcdfe4; padding: 8px; color: #626f86; }
  html[data-color-mode="dark"] body { background: #1d2125; color: #b6c2cf; }
  html[data-color-mode="dark"] th { background: #22272b; }
  html[data-color-mode="dark"] th, html[data-color-mode="dark"] td { border-color: #38414a; }
  html[data-color-mode="dark"] a, html[data-color-mode="dark"] nav.crumbs a { color: #579dff; }
  html[data-color-mode="dark"] header.bar { background: #1c2b41; }
  html[data-color-mode="dark"] a[data-inline-card] { background: #22272b; color: #579dff; box-shadow: none; }
  html[data-color-mode="dark"] a[data-inline-card] .card-summary { color: #b6c2cf; }
  html[data-color-mode="dark"] .card-status, html[data-color-mode="dark"] span[data-node-type="status"] { background: #38414a; color: #b6c2cf; }
  html[data-color-mode="dark"] .card-status.card-done, html[data-color-mode="dark"] span[data-node-type="status"][data-color="green"] { background: #1c3329; color: #7ee2b8; }
  html[data-color-mode="dark"] .card-status.card-indeterminate, html[data-color-mode="dark"] span[data-node-type="status"][data-color="blue"] { background: #1c2b41; color: #85b8ff; }
  html[data-color-mode="dark"] span[data-node-type="status"][data-color="red"] { background: #42221f; color: #fd9891; }
  html[data-color-mode="dark"] span[data-node-type="status"][data-color="yellow"] { background: #332e1b; color: #f5cd47; }
  html[data-color-mode="dark"] span[data-node-type="status"][data-color="purple"] { background: #2b273f; color: #b8acf6; }
  html[data-color-mode="dark"] div[data-panel-type] { background: #1c2b41; }
  html[data-color-mode="dark"] div[data-panel-type="warning"] { background: #332e1b; }
  html[data-color-mode="dark"] div[data-panel-type="success"] { background: #1c3329; }
  html[data-color-mode="dark"] div[data-panel-type="note"] { background: #2b273f; }
  html[data-color-mode="dark"] .meta, html[data-color-mode="dark"] nav.crumbs { color: #8c9bab; }
  .editor-bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 12px; margin: 0 0 16px; border: 1px solid #dcdfe4; border-radius: 3px; background: #f7f8f9; }
  .editor-note { font-size: 12px; color: #626f86; flex: 1; }
  .editor-message { flex-basis: 100%; margin: 0; color: #ae2e24; font-size: 13px; }
  .editor-message:empty { display: none; }
  html[data-color-mode="dark"] .editor-message { color: #fd9891; }
  button { font: inherit; font-size: 14px; padding: 6px 12px; border-radius: 3px; border: 0; background: #0c66e4; color: #fff; cursor: pointer; }
  button.secondary, .macro-edit-bar button { background: #f1f2f4; color: #172b4d; border: 1px solid #dcdfe4; }
  button:disabled { background: #f1f2f4; color: #8590a2; cursor: not-allowed; }
  button:focus-visible, a:focus-visible { outline: 2px solid #388bff; outline-offset: 2px; }
  .macro-editing { border: 1px dashed #8590a2; border-radius: 3px; margin: 8px 0 16px; }
  .macro-edit-bar { display: flex; justify-content: space-between; align-items: center; padding: 4px 8px; font-size: 13px; font-weight: 600; background: #f7f8f9; border-bottom: 1px dashed #8590a2; }
  .macro-edit-bar button { padding: 2px 10px; font-size: 13px; }
  dialog { border: 0; border-radius: 4px; padding: 16px 20px; box-shadow: 0 8px 24px rgba(9,30,66,.3); background: #fff; color: #172b4d; max-width: calc(100vw - 32px); }
  dialog::backdrop { background: rgba(9,30,66,.54); }
  dialog h2 { font-size: 20px; margin: 0 0 12px; }
  #macro-browser { width: 480px; }
  #macro-config { width: 600px; }
  .macro-list { list-style: none; padding: 0; margin: 0 0 16px; }
  .macro-list p { font-size: 13px; color: #626f86; margin: 4px 0 0; }
  .dialog-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
  .dialog-head h2 { margin: 0; }
  #macro-config iframe { width: 100%; height: 360px; border: 0; display: block; margin-top: 8px; }
  html[data-color-mode="dark"] .editor-bar, html[data-color-mode="dark"] .macro-edit-bar { background: #22272b; border-color: #38414a; }
  html[data-color-mode="dark"] .editor-note, html[data-color-mode="dark"] .macro-list p { color: #8c9bab; }
  html[data-color-mode="dark"] dialog { background: #282e33; color: #b6c2cf; }
  #macro-config { padding-bottom: 8px; }
  html[data-color-mode="dark"] button { background: #579dff; color: #1d2125; }
  html[data-color-mode="dark"] button.secondary, html[data-color-mode="dark"] .macro-edit-bar button { background: #2c333a; color: #b6c2cf; border-color: #454f59; }
  html[data-color-mode="dark"] .macro-editing { border-color: #738496; }
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
  colorMode?: 'light' | 'dark';
  pageId: string;
  /** 'edit': the sandbox's page editor (insert a macro, edit a macro's configuration); default 'view'. */
  mode?: 'view' | 'edit';
  /** The viewer may update the page (mayEditContent, sandbox/emulator/confluence-api.ts): only then does the view offer "Edit". */
  canEdit?: boolean;
  /** The app's macro the editor can insert (title and description, as the macro browser lists it). */
  insertable?: { title: string; description: string };
}

/**
 * The editor's toolbar and its two dialogs (the macro browser; the macro's configuration, framed by
 * /__host/page-editor.js), or the view's "Edit" link.
 */
function editorParts(m: PageViewModel): { bar: string; dialogs: string; script: string } {
  const pagePath = `/wiki/spaces/${encodeURIComponent(m.spaceKey)}/pages/${encodeURIComponent(m.pageId)}`;
  if (m.mode !== 'edit') {
    if (m.canEdit !== true) return { bar: '', dialogs: '', script: '' };
    return { bar: ` &middot; <a class="edit-link" href="/wiki/spaces/${encodeURIComponent(m.spaceKey)}/pages/edit-v2/${encodeURIComponent(m.pageId)}">Edit</a>`, dialogs: '', script: '' };
  }
  const macro = m.insertable;
  const bar = `<div class="editor-bar" role="toolbar" aria-label="Editor">
<button type="button" id="open-macro-browser"${macro === undefined ? ' disabled' : ''}>Insert macro</button>
<span class="editor-note">Each change is saved as a new page version at once (the sandbox's editor keeps no draft).</span>
<a class="editor-done" href="${pagePath}">Close editor</a><p id="editor-message" class="editor-message" role="alert"></p></div>`;
  const dialogs =
    macro === undefined
      ? ''
      : `<dialog id="macro-browser" aria-labelledby="macro-browser-title"><h2 id="macro-browser-title">Insert a macro</h2>
<ul class="macro-list"><li><button type="button" id="insert-readiness">${escapeHtml(macro.title)}</button><p>${escapeHtml(macro.description)}</p></li></ul>
<button type="button" class="secondary" data-close-dialog>Cancel</button></dialog>
<dialog id="macro-config" aria-labelledby="macro-config-title"><div class="dialog-head"><h2 id="macro-config-title">${escapeHtml(macro.title)}</h2>
<button type="button" class="secondary" data-close-dialog>Close without saving</button></div><div id="macro-config-frame"></div></dialog>`;
  return { bar, dialogs, script: `<script src="/__host/page-editor.js" defer></script>` };
}

/** Like Confluence, a macro's frame takes the height of its content (sandbox/host/assets/page-frames.js). */
const FRAME_SIZING = `<script src="/__host/page-frames.js" defer></script>`;

/** "Dec 2, 2026, 22:40 UTC", as Confluence shows a page's last update (not the stored ISO instant). */
function pageDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
  return `${day}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** A complete, readable HTML page in the style of a Confluence page view (or its editor). */
export function renderPageView(m: PageViewModel): string {
  const editor = editorParts(m);
  const link = (id: string, title: string): string => `<a href="/wiki/spaces/${encodeURIComponent(m.spaceKey)}/pages/${encodeURIComponent(id)}">${escapeHtml(title)}</a>`;
  const crumbs = [escapeHtml(m.spaceName), ...m.ancestors.map((a) => link(a.id, a.title))].join(' / ');
  const children =
    m.children.length === 0
      ? ''
      : `<section class="children" aria-label="Child pages"><h2>Child pages</h2><ul>${m.children.map((c) => `<li>${link(c.id, c.title)}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en" data-color-mode="${m.colorMode ?? 'light'}"><head><meta charset="utf-8"><title>${m.mode === 'edit' ? 'Editing ' : ''}${escapeHtml(m.title)} - ${escapeHtml(m.spaceName)} - Confluence (sandbox)</title>
<style>${STYLE}</style>${FRAME_SIZING}${editor.script}</head>
<body data-page-id="${escapeHtml(m.pageId)}"><header class="bar"><a href="/wiki/spaces/${encodeURIComponent(m.spaceKey)}">Confluence (sandbox)</a></header>
<main><nav class="crumbs" aria-label="Breadcrumbs">${crumbs}</nav>
<h1 class="page-title">${escapeHtml(m.title)}</h1>
<div class="meta">Version ${m.version} &middot; last updated ${escapeHtml(pageDate(m.updatedAt))}${m.mode === 'edit' ? '' : editor.bar}</div>
${m.mode === 'edit' ? editor.bar : ''}<article class="page-body">${m.bodyHtml}</article>
${children}</main>${editor.dialogs}</body></html>`;
}
