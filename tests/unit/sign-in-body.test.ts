import { describe, expect, it } from 'vitest';
import { accountKey, parseSignInBody } from '@/lib/auth/sign-in-body';

const FORM = 'application/x-www-form-urlencoded';

describe('parseSignInBody', () => {
  it('reads a form body', () => {
    expect(parseSignInBody(`${FORM}; charset=UTF-8`, 'email=a%40b.org&password=x&csrfToken=t')).toEqual({
      ok: true,
      fields: { email: 'a@b.org', password: 'x', csrfToken: 't' },
    });
  });

  it('refuses a field sent twice, whatever its position', () => {
    // A decoy address first and the victim's second: the throttle and next-auth must not disagree.
    const result = parseSignInBody(FORM, 'email=decoy%40x.org&password=p&email=victim%40x.org');
    expect(result).toEqual({ ok: false, message: 'The field "email" was sent more than once.' });
    expect(parseSignInBody(FORM, 'password=a&email=x%40y.org&password=b').ok).toBe(false);
  });

  it('reads a JSON body of strings', () => {
    expect(parseSignInBody('application/json', '{"email":"A@B.org","password":"x","json":"true"}')).toEqual({
      ok: true,
      fields: { email: 'A@B.org', password: 'x', json: 'true' },
    });
  });

  it('refuses JSON that a form could not send', () => {
    for (const text of ['["a"]', 'null', '"email"', '{"email":["a@b.org","c@d.org"]}', '{"email":{"x":1}}', '{not json']) {
      expect(parseSignInBody('application/json', text).ok).toBe(false);
    }
  });

  it('refuses other or missing content types, and oversized bodies', () => {
    expect(parseSignInBody('multipart/form-data; boundary=x', '--x--').ok).toBe(false);
    expect(parseSignInBody(null, 'email=a%40b.org').ok).toBe(false);
    expect(parseSignInBody(FORM, `email=${'a'.repeat(20_000)}`).ok).toBe(false);
  });
});

describe('accountKey', () => {
  it('is the address as the credentials provider looks it up', () => {
    expect(accountKey('  Jo.Smith@Example.ORG ')).toBe('jo.smith@example.org');
    expect(accountKey(undefined)).toBe('');
    expect(accountKey('x'.repeat(300))).toHaveLength(254);
  });
});
