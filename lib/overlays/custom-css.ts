// An overlay's custom CSS, made safe to put in a <style> element of the overlay page: parsed with postcss
// (CSS that does not parse, an unbalanced "}" trying to close our scope included, is refused whole), every
// selector prefixed with the overlay root's selector so it styles nothing outside the overlay, and
// everything that could load from elsewhere or run code dropped: @import and every at-rule but @media,
// @supports and @keyframes; url() other than this overlay's own media route; image-set(), expression(),
// javascript:, behavior and -moz-binding; and any escape (a backslash could spell "url" or "expression").
// The result never contains "<", so it cannot close the <style> element. Runs on save (to report a
// problem) and in the overlay page (settings arrive live), so it is pure and browser-safe.
import postcss, { CssSyntaxError, type AtRule, type ChildNode, type Container, type Declaration, type Rule } from 'postcss';

/** The longest custom CSS an overlay may have. */
export const MAX_CUSTOM_CSS = 8000;

/** The overlay page's root element, which every custom rule is scoped under. */
export const OVERLAY_ROOT_SELECTOR = '.ov-root';

const ALLOWED_AT_RULES = new Set(['media', 'supports', 'keyframes', '-webkit-keyframes']);
const FORBIDDEN_VALUE = /expression\s*\(|javascript:|vbscript:|image-set\s*\(|(?:^|[^-\w])src\s*\(|@import|-moz-binding|behavior/i;
const FORBIDDEN_PROPERTY = /^(?:behavior|-moz-binding|-ms-behavior)$/i;
/** Our own media route, relative: /api/overlay/{token}/media/{id}. */
const OWN_MEDIA = /^\/api\/overlay\/[\w-]+\/media\/[\w-]+$/;

export type SanitizedCss = { css: string; dropped: number; error: string | null };

/** Every url(…) target in a value, unquoted; null when one cannot be read. */
function urlsOf(value: string): string[] | null {
  const urls: string[] = [];
  const pattern = /url\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;
  let count = 0;
  for (const match of value.matchAll(pattern)) {
    urls.push(match[1] ?? match[2] ?? match[3] ?? '');
    count += 1;
  }
  // A url( the pattern could not read (odd spacing, nested parentheses): refuse it.
  return (value.match(/url\s*\(/gi)?.length ?? 0) === count ? urls : null;
}

function safeDeclaration(decl: Declaration, ownMedia: (url: string) => boolean): boolean {
  const { prop, value } = decl;
  if (prop.includes('\\') || value.includes('\\') || FORBIDDEN_PROPERTY.test(prop) || FORBIDDEN_VALUE.test(value)) return false;
  const urls = urlsOf(value);
  return urls !== null && urls.every(ownMedia);
}

/** `selector` under the overlay root: "html", "body", ":root" and the root itself mean the root. */
export function scopeSelector(selector: string, root = OVERLAY_ROOT_SELECTOR): string {
  const trimmed = selector.trim();
  const self = /^(?::root|html|body|\.ov-root)\b/i;
  if (self.test(trimmed)) return `${root}${trimmed.replace(self, '').replace(/^(\s*(?:body|\.ov-root)\b)+/i, '')}`;
  return `${root} ${trimmed}`;
}

function sanitizeContainer(container: Container, ownMedia: (url: string) => boolean, inKeyframes: boolean): number {
  let dropped = 0;
  container.each((node: ChildNode) => {
    switch (node.type) {
      case 'comment':
        node.remove();
        return;
      case 'decl':
        // A declaration outside any rule would style nothing; inside, it must be safe.
        if (container.type === 'root' || !safeDeclaration(node, ownMedia)) {
          node.remove();
          dropped += 1;
        }
        return;
      case 'atrule': {
        const rule: AtRule = node;
        const name = rule.name.toLowerCase();
        if (!ALLOWED_AT_RULES.has(name) || rule.params.includes('\\') || /url\s*\(|@import/i.test(rule.params)) {
          rule.remove();
          dropped += 1;
          return;
        }
        dropped += sanitizeContainer(rule, ownMedia, name.endsWith('keyframes'));
        return;
      }
      case 'rule': {
        const rule: Rule = node;
        if (rule.selector.includes('\\')) {
          rule.remove();
          dropped += 1;
          return;
        }
        // Keyframe steps (from, to, 50%) are not selectors.
        if (!inKeyframes) rule.selectors = rule.selectors.map((s) => scopeSelector(s));
        dropped += sanitizeContainer(rule, ownMedia, false);
        return;
      }
    }
  });
  return dropped;
}

/**
 * The custom CSS, scoped and stripped (see the header). `token` is the overlay's: url()s may name only its
 * own media route (an editor preview and OBS load the same paths). CSS that does not parse, or is too
 * long, gives '' with the reason in `error`.
 */
export function sanitizeCustomCss(input: string, token?: string): SanitizedCss {
  if (!input.trim()) return { css: '', dropped: 0, error: null };
  if (input.length > MAX_CUSTOM_CSS) return { css: '', dropped: 0, error: `Custom CSS is limited to ${MAX_CUSTOM_CSS} characters.` };
  const ownMedia = (url: string) => OWN_MEDIA.test(url) && (token === undefined || url.startsWith(`/api/overlay/${token}/media/`));
  let root;
  try {
    root = postcss.parse(input);
  } catch (error) {
    // Only a syntax error is the input's fault; anything else is ours and surfaces as one.
    if (!(error instanceof CssSyntaxError)) throw error;
    // Where, not postcss's own words ("Unknown word x"): the message is translated (errors catalogue).
    return { css: '', dropped: 0, error: `Custom CSS was not applied: it does not parse (line ${error.line ?? 1}, column ${error.column ?? 1}).` };
  }
  const dropped = sanitizeContainer(root, ownMedia, false);
  // "<" has no use in these rules; escaped, it can never close the <style> element it is put in.
  const css = root.toString().replace(/</g, '\\3c ').trim();
  return { css, dropped, error: null };
}
