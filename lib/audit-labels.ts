// Audit log codes ("section.update") in words, for the dashboard and the audit
// log page. A code without a label here (a new action) still reads as words.

const ACTION_LABEL: Record<string, string> = {
  'access-link.create': 'Created a sponsor or preview link',
  'access-link.revoke': 'Revoked a sponsor or preview link',
  'access-link.use': 'Used a sponsor or preview link',
  'auth.sign-in': 'Signed in',
  'auth.sign-in-link': 'Asked for a sign-in link',
  'auth.sign-out': 'Signed out',
  'comment.create': 'Commented',
  'comment.resolve': 'Resolved a comment',
  'comment.reopen': 'Reopened a comment',
  'contribution.accept': 'Accepted a submission',
  'contribution.decline': 'Declined a submission',
  'contribution.submit': 'Sent a submission',
  'contribution.update': 'Changed a submission',
  'contribution.withdraw': 'Withdrew a submission',
  'edition.send': 'Started sending the email edition to subscribers',
  'edition.test-send': 'Sent a test of the email edition',
  'event.create': 'Created an event',
  'event.delete': 'Deleted an event',
  'event.save-conflict': 'Tried to save an event someone else had changed',
  'event.update': 'Edited an event',
  'intro.approve': 'Approved the intro',
  'intro.request-changes': 'Asked for changes to the intro',
  'intro.submit': 'Sent the intro for approval',
  'issue.archive': 'Archived an issue',
  'issue.create': 'Created an issue',
  'issue.duplicate': 'Copied an issue',
  'issue.import': 'Imported an existing bulletin as a draft issue',
  'issue.publish': 'Published an issue',
  'issue.schedule': 'Scheduled an issue',
  'issue.schedule-blocked': 'Could not publish a scheduled issue',
  'issue.unpublish': 'Unpublished an issue',
  'issue.unschedule': 'Cancelled the schedule of an issue',
  'issue.update': 'Edited the details of an issue',
  'media.delete': 'Deleted an image',
  'media.update': 'Changed the alt text of an image',
  'media.upload': 'Uploaded an image',
  'organisation.create': 'Added an organisation',
  'organisation.merge': 'Merged organisations',
  'organisation.update': 'Edited an organisation',
  'person.create': 'Added a person',
  'person.delete': 'Deleted a person',
  'person.merge': 'Merged people',
  'person.update': 'Edited a person',
  'section.bylines': 'Changed the byline of a section',
  'section.create': 'Added a section',
  'section.delete': 'Deleted a section',
  'section.event.add': 'Added an event to a section',
  'section.event.remove': 'Took an event out of a section',
  'section.event.reorder': 'Reordered the events of a section',
  'section.reorder': 'Reordered the sections of an issue',
  'section.restore': 'Restored an earlier version of a section',
  'section.save-conflict': 'Tried to save a section someone else had changed',
  'section.signatory': 'Changed the sign-off of the intro',
  'section.update': 'Edited a section',
  'site-page.update': 'Edited the accessibility statement or privacy notice',
  'subscriber.import': 'Added subscribers from a CSV file',
  'subscriber.import-discard': 'Discarded a subscriber import without adding anyone',
  'subscriber.export': 'Exported the subscribers as CSV',
  'subscriber.confirm': 'A reader confirmed their email subscription',
  'subscriber.preferences': 'A reader changed what they get by email',
  'subscriber.request': 'A reader asked to subscribe by email',
  'subscriber.suppress': 'Stopped emailing an address after repeated delivery failures',
  'subscriber.unsubscribe': 'A reader unsubscribed',
  'user.create': 'Added a user',
  'user.deactivate': 'Deactivated a user',
  'user.password-reset': 'Reset a user’s password',
  'user.reactivate': 'Reactivated a user',
  'user.role-change': 'Changed a user’s role',
  'user.update': 'Edited a user’s profile',
};

const ENTITY_LABEL: Record<string, string> = {
  AccessLink: 'Sponsor or preview link',
  Comment: 'Comment',
  Contribution: 'Submission',
  Event: 'Event',
  Issue: 'Issue',
  Media: 'Image',
  Organisation: 'Organisation',
  Person: 'Person',
  Section: 'Section',
  SitePage: 'Site page',
  Subscriber: 'Email subscriber',
  SubscriberImport: 'Subscriber import',
  User: 'User',
};

/** Actions left out of "Recent activity": routine, and still in the audit log. */
export const ROUTINE_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-link',
  'auth.sign-out',
  // Readers' own subscription changes: many, and not editorial work.
  'subscriber.request',
  'subscriber.confirm',
  'subscriber.preferences',
  'subscriber.unsubscribe',
];

/** "Edited a section" for "section.update"; an unknown code as plain words ("Issue: republish"). */
/** Whether `action` has its own wording (every code the app writes should). */
export function hasAuditLabel(action: string): boolean {
  return Object.hasOwn(ACTION_LABEL, action);
}

export function auditActionLabel(action: string): string {
  const known = ACTION_LABEL[action];
  if (known) return known;
  const [entity = '', ...verb] = action.split('.');
  const words = verb.join(' ').replace(/-/g, ' ');
  const subject = entity.replace(/-/g, ' ');
  return words ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${words}` : subject;
}

/** "Image" for "Media"; other types as they are, split into words ("AccessLink" → "Access link"). */
export function auditEntityLabel(entityType: string): string {
  return ENTITY_LABEL[entityType] ?? entityType.replace(/(?<=[a-z])([A-Z])/g, (c) => ` ${c.toLowerCase()}`);
}
