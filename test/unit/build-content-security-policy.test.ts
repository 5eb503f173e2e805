import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  inlineScripts,
  policyText,
  withPolicyMeta,
} from '../../tools/build/content-security-policy.ts';

describe('the Content-Security-Policy of the built pages', () => {
  test('forbids inline and foreign script, plugins and base changes, and lets the app reach any FHIR server', () => {
    expect(CONTENT_SECURITY_POLICY['script-src']).toEqual(["'self'", "'report-sample'"]);
    expect(CONTENT_SECURITY_POLICY['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY['base-uri']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY['connect-src']).toEqual(["'self'", 'http:', 'https:']);
    expect(Object.values(CONTENT_SECURITY_POLICY).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(CONTENT_SECURITY_POLICY).flat()).not.toContain("'unsafe-eval'");
    // frame-ancestors is ignored in a meta element; the host must send it as a header.
    expect(Object.keys(CONTENT_SECURITY_POLICY)).not.toContain('frame-ancestors');
    expect(policyText({ 'a-src': ["'self'"], 'b-src': ['x:', 'y:'] })).toBe("a-src 'self'; b-src x: y:");
  });

  test('goes into each page as a meta element right after the charset', async () => {
    for (const name of ['index.html', 'launch.html']) {
      const page = await readFile(new URL(`../../${name}`, import.meta.url), 'utf8');
      const out = withPolicyMeta(page);
      const charset = out.indexOf('<meta charset');
      const policy = out.indexOf('<meta http-equiv="Content-Security-Policy"');
      expect(charset).toBeGreaterThanOrEqual(0);
      expect(policy).toBeGreaterThan(charset);
      expect(policy).toBeLessThan(out.indexOf('<title>'));
      expect(out).toContain(`content="${policyText()}"`);
    }
    expect(() => withPolicyMeta('<p>no head</p>')).toThrow(/no <head>/);
  });

  test('finds inline scripts, but not scripts loaded from a file', () => {
    const page =
      '<script type="module" src="./assets/a.js"></script><script>window.x=1</script>' +
      '<script type="module">import "./b.js"</script><script src="c.js">alert(1)</script>';
    expect(inlineScripts(page)).toEqual([
      '<script>window.x=1</script>',
      '<script type="module">import "./b.js"</script>',
      '<script src="c.js">alert(1)</script>',
    ]);
    expect(inlineScripts('<script type="module" crossorigin src="./assets/index.js"></script>')).toEqual([]);
  });
});
