// Paths in the admin that notifications and emails link to. One place, so the
// pages built for the workflow and the links that point at them stay in step.

export const links = {
  issue: (issueId: string) => `/admin/issues/${issueId}`,
  /** Where the sponsor reads the intro as readers will and approves it or asks for changes. */
  introApproval: (issueId: string) => `/admin/issues/${issueId}/approval`,
  section: (issueId: string, sectionId: string) => `/admin/issues/${issueId}/sections/${sectionId}`,
  comment: (issueId: string, sectionId: string, commentId: string) => `/admin/issues/${issueId}/sections/${sectionId}#comment-${commentId}`,
  contribution: (contributionId: string) => `/admin/contributions/${contributionId}`,
  contributionComment: (contributionId: string, commentId: string) => `/admin/contributions/${contributionId}#comment-${commentId}`,
  notifications: () => '/admin/notifications',
} as const;

/** A path inside the app: starts with one slash, never `//` or `/\` (which browsers treat as another host). */
export function isAppPath(href: string): boolean {
  return /^\/(?![/\\])/.test(href) && !/[\r\n\t]/.test(href);
}
