/** The Jira rights the audit cycle's writes need as the user (asked in the access check, before anything is written). */
export const CREATE_ISSUES_RIGHT = {
  CREATE_ISSUES: (k: string) => `You cannot create issues in project ${k}, so the app cannot record this in Jira for you.`,
};
export const LINK_ISSUES_RIGHT = {
  LINK_ISSUES: (k: string) => `You cannot link issues in project ${k}; the app links findings to their audit and actions to their nonconformity.`,
};
