/**
 * The Forge modules the Custom UI renders, by their manifest.yml keys. The `main` resource (static/build) renders
 * the project page and the settings page; the `issue` resource (static/build-issue) renders the issue panel and the
 * issue context glance, which open with every Jira issue and so load only what an issue view needs.
 */
export const MODULE_KEYS = {
  projectPage: 'sms-navigator-project-page',
  issuePanel: 'sms-navigator-issue-panel',
  issueContext: 'sms-navigator-issue-context',
  settingsPage: 'sms-navigator-project-settings',
} as const;
