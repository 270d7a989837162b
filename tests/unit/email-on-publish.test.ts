import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmailOnPublishFields, type EmailOffer } from '@/components/admin/workflow/email-on-publish';
import { IDLE } from '@/lib/actions/state';

// The publish panel's "Email this issue to the subscribers" box (decision 026):
// ticked by default for an issue never sent; unticked, naming the earlier send, for
// one sent before, so publishing again never emails everyone again silently.

const render = (offer: EmailOffer, state = IDLE) => renderToStaticMarkup(createElement(EmailOnPublishFields, { idPrefix: 'publish', offer, state }));
const box = (html: string) => /<input[^>]*id="publish-email"[^>]*>/.exec(html)![0];
const label = (html: string) => /<label for="publish-email">(.*?)<\/label>/.exec(html)![1]!.replace(/<!-- -->/g, '');

describe('the email box beside Publish now and Schedule', () => {
  it('is ticked by default and names the count for an issue never sent', () => {
    const html = render({ recipients: 42, lastSend: null });
    expect(box(html)).toContain('checked=""');
    expect(box(html)).toContain('value="on"');
    expect(label(html)).toBe('Email this issue to the 42 confirmed subscribers');
    expect(label(render({ recipients: 1, lastSend: null }))).toBe('Email this issue to the 1 confirmed subscriber');
    const none = render({ recipients: 0, lastSend: null });
    expect(box(none)).toContain('checked=""');
    expect(label(none)).toBe('Email this issue to its confirmed subscribers (there are none yet; anyone who confirms before it is published gets it)');
    // The whole intro by default.
    expect(/<input[^>]*id="publish-intro-full"[^>]*>/.exec(html)![0]).toContain('checked=""');
  });

  it('is unticked for an issue sent before, and says when and to how many', () => {
    const html = render({ recipients: 44, lastSend: { when: '3 December 2026 at 09:00', recipients: 42 } });
    expect(box(html)).not.toContain('checked');
    expect(box(html)).toContain('value="again"');
    expect(label(html)).toBe(
      'Send it again: email this issue to the 44 confirmed subscribers. It was sent on 3 December 2026 at 09:00 to 42 subscribers, and everyone will get it a second time.',
    );
  });

  it('after a refused submit, keeps what the editor chose: an unticked box stays unticked', () => {
    const refused = (values: Record<string, unknown>) =>
      render({ recipients: 42, lastSend: null }, { status: 'error', code: 400, message: 'The publication time must be in the future', values });
    expect(box(refused({ issueId: 'x', time: '09:00' }))).not.toContain('checked');
    const ticked = refused({ issueId: 'x', email: 'on', intro: 'first', paragraphs: '3' });
    expect(box(ticked)).toContain('checked=""');
    expect(/<input[^>]*id="publish-intro-first"[^>]*>/.exec(ticked)![0]).toContain('checked=""');
    expect(ticked).toMatch(/<option value="3" selected="">/);
  });

  it('shows the server’s refusal next to the box', () => {
    const html = render({ recipients: 44, lastSend: { when: 'today', recipients: 1 } }, { status: 'error', code: 400, message: 'x', fieldErrors: { again: ['Tick this to send the issue again'] } });
    expect(html).toContain('Tick this to send the issue again');
    expect(box(html)).toContain('aria-describedby="publish-email-error"');
  });
});
