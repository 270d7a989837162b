import { describe, expect, it } from 'vitest';
import { approvalState, canonicalJson, introContentHash, type IntroApprovalFields } from '@/lib/workflow/intro-hash';

const body = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome to the December issue.', marks: [{ type: 'bold' }] }] }],
};
const intro = { title: 'Welcome', body, signOff: 'Kind regards', signatoryId: '6f1c1f0e-0000-4000-8000-000000000001' };

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('drops undefined properties like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('introContentHash', () => {
  it('is a 64-character hex SHA-256, independent of key order', () => {
    const h = introContentHash(intro);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = JSON.parse(
      '{"content":[{"content":[{"marks":[{"type":"bold"}],"text":"Welcome to the December issue.","type":"text"}],"type":"paragraph"}],"type":"doc"}',
    );
    expect(introContentHash({ signatoryId: intro.signatoryId, signOff: intro.signOff, body: reordered, title: 'Welcome' })).toBe(h);
  });

  it('changes with the title, any text, marks, the sign-off and the signatory', () => {
    const h = introContentHash(intro);
    expect(introContentHash({ ...intro, title: 'Welcome!' })).not.toBe(h);
    expect(introContentHash({ ...intro, signOff: 'Best wishes' })).not.toBe(h);
    expect(introContentHash({ ...intro, signOff: null })).not.toBe(h);
    expect(introContentHash({ ...intro, signatoryId: null })).not.toBe(h);
    const edited = structuredClone(body);
    edited.content[0]!.content[0]!.text = 'Welcome to the December issue!';
    expect(introContentHash({ ...intro, body: edited })).not.toBe(h);
    const unbolded = structuredClone(body) as { content: { content: { marks?: unknown }[] }[] };
    delete unbolded.content[0]!.content[0]!.marks;
    expect(introContentHash({ ...intro, body: unbolded })).not.toBe(h);
  });
});

describe('approvalState', () => {
  const base: IntroApprovalFields = { ...intro, approvalRequestedAt: null, approvedAt: null, approvedContentHash: null };
  const approvedAt = new Date('2025-11-20T10:00:00Z');

  it('is not-requested before submission', () => {
    expect(approvalState(base)).toBe('not-requested');
  });

  it('is pending once submitted', () => {
    expect(approvalState({ ...base, approvalRequestedAt: new Date() })).toBe('pending');
  });

  it('is approved for the approved content, voided by an edit, restored by reverting it', () => {
    const approved = { ...base, approvedAt, approvedContentHash: introContentHash(intro) };
    expect(approvalState(approved)).toBe('approved');
    expect(approvalState({ ...approved, title: 'Welcome, everyone' })).toBe('changed-since-approval');
    expect(approvalState({ ...approved, title: 'Welcome, everyone', signOff: 'Thanks' })).toBe('changed-since-approval');
    expect(approvalState({ ...approved, title: 'Welcome' })).toBe('approved');
  });

  it('is pending when the changed intro has been resubmitted, approved again if reverted meanwhile', () => {
    const approved = { ...base, approvedAt, approvedContentHash: introContentHash(intro), approvalRequestedAt: new Date() };
    expect(approvalState({ ...approved, title: 'Changed' })).toBe('pending');
    expect(approvalState(approved)).toBe('approved');
  });

  it('needs both the time and the hash to count as approved', () => {
    expect(approvalState({ ...base, approvedContentHash: introContentHash(intro) })).toBe('not-requested');
    expect(approvalState({ ...base, approvedAt })).toBe('not-requested');
  });
});
