import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_CSS, sanitizeCustomCss, scopeSelector } from '@/lib/overlays/custom-css';

const clean = (css: string, token?: string) => sanitizeCustomCss(css, token).css;

describe('custom CSS scoping', () => {
  it('prefixes every selector of a list with the overlay root', () => {
    expect(clean('.ov-alert, p > span { color: red }')).toBe('.ov-root .ov-alert, .ov-root p > span { color: red }');
  });

  it('maps html, body, :root and the root itself onto the root', () => {
    expect(scopeSelector('body')).toBe('.ov-root');
    expect(scopeSelector(':root')).toBe('.ov-root');
    expect(scopeSelector('html body .x')).toBe('.ov-root .x');
    expect(scopeSelector('.ov-root .x')).toBe('.ov-root .x');
    expect(scopeSelector('.ov-rootish')).toBe('.ov-root .ov-rootish');
  });

  it('scopes rules inside @media and keeps keyframe steps as they are', () => {
    const css = clean('@media (max-width: 600px) { .a { color: red } } @keyframes spin { from { transform: rotate(0) } to { transform: rotate(360deg) } }');
    expect(css).toContain('@media (max-width: 600px) { .ov-root .a { color: red } }');
    expect(css).toContain('from { transform: rotate(0) }');
    expect(css).not.toContain('.ov-root from');
  });
});

describe('hostile custom CSS', () => {
  it('cannot close the <style> element to inject a script', () => {
    for (const input of ['</style><script>alert(1)</script>', '.a { content: "</style><script>alert(1)</script>" }', '.a[title="</style>"] { color: red }', '.a { color: red } </style><img src=x onerror=alert(1)>']) {
      const { css } = sanitizeCustomCss(input);
      expect(css).not.toMatch(/<\/?(style|script|img)/i);
      expect(css).not.toContain('<');
    }
    // Kept text reads the same to CSS: "<" is escaped, not removed.
    expect(clean('.a::after { content: "<3" }')).toBe('.ov-root .a::after { content: "\\3c 3" }');
  });

  it('drops @import in any form and any other at-rule that could load something', () => {
    for (const input of ['@import url(http://evil.example/x.css);', '@import "http://evil.example/x.css";', '@media screen { @import "x.css"; }', '@font-face { font-family: x; src: url(http://evil.example/f.woff) }', '@namespace url(http://x);']) {
      expect(clean(input)).not.toMatch(/@import|@font-face|@namespace|evil|url\(/);
    }
    expect(clean('@import "x.css"; .a { color: red }')).toBe('.ov-root .a { color: red }');
  });

  it('drops url() to anywhere but this overlay’s own media route', () => {
    const token = 'tok_123';
    const kept = clean('.a { background: url(/api/overlay/tok_123/media/m1) } .b { background-image: url("/api/overlay/tok_123/media/m2") }', token);
    expect(kept).toContain('url(/api/overlay/tok_123/media/m1)');
    expect(kept).toContain('url("/api/overlay/tok_123/media/m2")');
    for (const value of ['url(http://evil.example/a.png)', 'url(https://evil.example/a.png)', 'url(//evil.example/a.png)', "url('data:image/svg+xml,<svg onload=alert(1)>')", 'url(/api/overlay/other/media/m1)', 'url(/api/overlay/tok_123/media/../../x)', 'url( http://evil.example )', 'image-set("http://evil.example/a.png" 1x)', '-webkit-image-set(url(http://e.example/a.png) 1x)', 'src("http://evil.example/a.png")']) {
      const { css, dropped } = sanitizeCustomCss(`.a { background: ${value}; color: red }`, token);
      expect(css, value).toBe('.ov-root .a { color: red }');
      expect(dropped, value).toBe(1);
    }
  });

  it('drops expression(), javascript:, behavior, -moz-binding and escapes that could spell them', () => {
    for (const decl of ['width: expression(alert(1))', 'background: javascript:alert(1)', 'behavior: url(x.htc)', '-moz-binding: url(x.xml#y)', 'background: \\75 rl(http://evil.example/a.png)', 'b\\61 ckground: red', 'width: e\\78 pression(alert(1))']) {
      // Dropped alone, or (when postcss cannot even parse it) the whole CSS refused.
      expect(['.ov-root .a { color: red }', ''], decl).toContain(clean(`.a { ${decl}; color: red }`));
    }
  });

  it('refuses CSS whose braces try to close the scope, whole', () => {
    for (const input of ['.a { color: red } } body { background: red }', '} .b { color: red }', '.a { color: red']) {
      const result = sanitizeCustomCss(input);
      // An unclosed block is closed by postcss, still scoped; a stray "}" is refused.
      if (result.css) expect(result.css.startsWith('.ov-root ')).toBe(true);
      else expect(result.error).toMatch(/not applied/);
    }
    const refused = sanitizeCustomCss('.a { color: red } } body { background: red }');
    expect(refused.css).toBe('');
    expect(refused.error).toMatch(/not applied/);
  });

  it('drops declarations outside any rule and caps the length', () => {
    expect(clean('color: red; .a { color: blue }')).toBe('.ov-root .a { color: blue }');
    const long = sanitizeCustomCss('.a{}'.padEnd(MAX_CUSTOM_CSS + 1, ' '));
    expect(long.css).toBe('');
    expect(long.error).toMatch(/limited/);
  });
});
