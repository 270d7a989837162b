import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChangesSinceApproval } from '@/components/admin/workflow/changes-since-approval';
import { changesSinceApproval, introPlainText, readApprovedContent } from '@/lib/workflow/approval-diff';
import { introContentHash } from '@/lib/workflow/intro-hash';

const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const approved = { title: 'Welcome', body: doc('Welcome to the December issue.'), signOff: 'Kind regards', signatoryId: 'p1' };
const withApproval = (current: typeof approved, content: unknown = approved) => ({ ...current, approvedContent: content, approvedContentHash: introContentHash(approved) });

describe('changesSinceApproval', () => {
  it('is null when unchanged since approval, never approved, or approved before the content was kept', () => {
    expect(changesSinceApproval(withApproval(approved))).toBeNull();
    expect(changesSinceApproval({ ...approved, approvedContent: null, approvedContentHash: null })).toBeNull();
    expect(changesSinceApproval(withApproval({ ...approved, title: 'Hello' }, null))).toBeNull();
    expect(readApprovedContent(['not', 'an', 'object'])).toBeNull();
  });

  it('gives the approved and current plain text, and says when the signatory changed', () => {
    const current = { ...approved, body: doc('Welcome to the festive December issue.', 'New paragraph.'), signatoryId: 'p2' };
    expect(changesSinceApproval(withApproval(current))).toEqual({
      before: 'Welcome\n\nWelcome to the December issue.\n\nKind regards',
      after: 'Welcome\n\nWelcome to the festive December issue.\nNew paragraph.\n\nKind regards',
      signatoryChanged: true,
    });
    expect(introPlainText({ title: 'T', body: doc('x'), signOff: '  ' })).toBe('T\n\nx');
  });
});

describe('ChangesSinceApproval', () => {
  it('renders the diff with <ins>/<del> and screen-reader words, and nothing without changes', () => {
    const changes = changesSinceApproval(withApproval({ ...approved, body: doc('Welcome to the festive issue.') }))!;
    const html = renderToStaticMarkup(ChangesSinceApproval({ changes }));
    expect(html).toContain('What changed since you last approved it');
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">\[added: <\/span>festive/);
    expect(html).toMatch(/<del[^>]*><span class="sr-only">\[removed: <\/span>December/);
    expect(renderToStaticMarkup(ChangesSinceApproval({ changes: null }))).toBe('');
  });
});
