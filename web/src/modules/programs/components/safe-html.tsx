import DOMPurify from 'dompurify';
import type { CSSProperties } from 'react';

/** The tags plan sections may hold (the server stores only these, without attributes). */
export const RICH_TEXT_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ol', 'ul', 'li', 'h3', 'h4', 'blockquote', 'div'];

/** Sanitizes again in the browser: HTML is never rendered as it came, even from our own server. */
export function purify(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: RICH_TEXT_TAGS, ALLOWED_ATTR: [] });
}

export function SafeHtml({ html, style, testId }: { html: string; style?: CSSProperties; testId?: string }) {
  return <div className="rich-text" style={style} data-testid={testId} dangerouslySetInnerHTML={{ __html: purify(html) }} />;
}
