import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IssueArchive } from '@/components/issue-archive';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const render = (issues: { slug: string; title: string; month: Date; summary: string }[]) =>
  text(renderToStaticMarkup(createElement(IssueArchive, { issues, headingLevel: 2 })));

describe('IssueArchive', () => {
  it('does not repeat the month when the title already names it', () => {
    const out = render([{ slug: 'jan', title: 'Regional Update – January 2027', month: new Date(Date.UTC(2027, 0, 1)), summary: '' }]);
    expect(out).toContain('Regional Update – January 2027');
    expect(out).not.toContain('January 2027 – January 2027');
    expect(out.match(/January 2027/g)).toHaveLength(1);
  });

  it('adds the month when the title does not name it', () => {
    const out = render([{ slug: 'special', title: 'Regional Update – Ofsted special', month: new Date(Date.UTC(2027, 1, 1)), summary: '' }]);
    expect(out).toContain('Regional Update – Ofsted special – February 2027');
  });
});
