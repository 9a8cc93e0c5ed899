import { lazy } from 'react';
import type { ViewContext } from '../api/forge-context';
import { ModuleRoot, NoViewFor } from '../components/ModuleRoot';
import { MODULE_KEYS } from '../modules';
import IssuePanel from '../panels/IssuePanel/IssuePanel';
import { issueContextRead } from './boot';

// The `issue` resource: the issue panel is in the entry (it opens with every issue, so nothing waits for a chunk);
// the glance, opened on demand, is a chunk of its own.
const IssueGlance = lazy(() => import('../panels/IssueGlance/IssueGlance'));

function IssueView({ context }: { context: ViewContext }) {
  const issueKey = context.extension.issue?.key ?? '';
  switch (context.moduleKey) {
    case MODULE_KEYS.issuePanel:
      return <IssuePanel issueKey={issueKey} />;
    case MODULE_KEYS.issueContext:
      return <IssueGlance issueKey={issueKey} />;
    default:
      return <NoViewFor moduleKey={context.moduleKey} />;
  }
}

export function IssueApp() {
  return <ModuleRoot context={issueContextRead} view={(context) => <IssueView context={context} />} />;
}
