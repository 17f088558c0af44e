/**
 * What of a web page is not the document: what a browser does not show (scripts, styles, templates, hidden
 * elements, the head) and the site's chrome around the minutes (navigation, the page's header and footer,
 * sidebars, search, cookie dialogs, form controls). A reader that kept them would give the parser menu items
 * and cookie texts as paragraphs.
 */
import { attr, hasDescendant, type Element } from './html-dom';

/** Never text: not shown, or not part of a document's text. */
const NOT_SHOWN = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'audio', 'video', 'map', 'dialog', 'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist',
  'label', 'output', 'meter', 'progress',
]);

/** The site's chrome by element. header and footer are the page's only outside a sectioning element. */
const CHROME = new Set(['nav', 'aside']);
const PAGE_CHROME = new Set(['header', 'footer']);

/** The site's chrome by ARIA role. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog', 'alertdialog', 'menubar', 'toolbar']);

/** Text for screen readers only ("Gå til indhold", "åbner i nyt vindue"): not on the page a clerk copies. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|element-invisible)(?:\s|$)/i;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style !== undefined && HIDDEN_STYLE.test(style)) return true;
  const cls = attr(el, 'class');
  return cls !== undefined && SCREEN_READER_ONLY.test(cls);
}

const CONTENT_MARKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'main', 'article']);

/**
 * A form is a search box or a newsletter sign-up, and left out, unless it holds the page's content: ASP.NET
 * and SharePoint sites wrap the whole page in one <form>, headings, tables and all.
 */
function isSmallForm(el: Element): boolean {
  return !hasDescendant(el, (d) => CONTENT_MARKS.has(d.tagName));
}

/**
 * Whether the element and all below it are left out. `inSection`: it stands inside an article, section or
 * main, where a header or footer is the section's own (a title, a date), not the site's.
 */
export function isLeftOut(el: Element, inSection: boolean): boolean {
  const tag = el.tagName;
  if (NOT_SHOWN.has(tag) || CHROME.has(tag)) return true;
  if (PAGE_CHROME.has(tag) && !inSection) return true;
  const role = attr(el, 'role');
  if (role !== undefined && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  if (isHidden(el)) return true;
  return tag === 'form' && isSmallForm(el);
}

/** The elements inside which a header or footer belongs to the content. */
export const SECTIONING = new Set(['article', 'section', 'main']);
