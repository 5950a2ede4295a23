import { maskFreeText } from '@rg/domain/personal/free-text';
import sanitizeHtml from 'sanitize-html';
import { diffChars } from 'diff';
import type { DiffPart } from '@rg/domain/programs/application.schema';

/**
 * Plan sections are rich text (P2.3(4)). Only a safe subset is ever stored: paragraphs, line
 * breaks, emphasis, lists and small headings, without any attribute — so no script, style, link,
 * image or event handler survives, and the console may render what the server returns.
 */
const SAFE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ol', 'ul', 'li', 'h3', 'h4', 'blockquote', 'div'],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  // The contents of these are dropped, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, SAFE).trim();
}

/** The text a reader sees, block elements as line breaks: for "is it empty" and for diffs. */
export function plainText(html: string): string {
  const marked = html.replace(/<\s*(br|\/p|\/li|\/h3|\/h4|\/div|\/blockquote)\s*\/?>/gi, '\n');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * Character-level differences (Chinese has no word spaces), merged into runs; between the texts as readers
 * see them, numbers typed in masked (SECURITY.md 30), so no run cuts a sealed number in two.
 */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffChars(maskFreeText(before), maskFreeText(after)).map((part) => ({
    value: part.value,
    ...(part.added ? { added: true } : {}),
    ...(part.removed ? { removed: true } : {}),
  }));
}
