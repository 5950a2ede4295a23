import { z } from 'zod';
import { maskIdCard, maskMobile } from './masking.ts';

/**
 * ID numbers and mobile numbers typed into free text (a case description quoting an IOU, a mediator's
 * notes) are personal data like the structured fields (SECURITY.md 30, issue 15 finding 11). The server
 * stores each one sealed, in place, as a token `⟦<masked>|<sealed>⟧`: the masked form readers see and
 * the deterministic ciphertext only an audited reveal opens. This file holds the pure half (finding,
 * masking, carrying tokens across an edit); the sealing is the server's (`core/crypto/free-text.ts`).
 */

/** A number standing as its own token: an 18-digit ID, a 15-digit (pre-1999) ID, or a mainland mobile. */
const CANDIDATES = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![0-9A-Za-z])/g;
/** The birth date inside a 15-digit ID (YYMMDD at 6..12); other 15-digit runs (an account) are left alone. */
const ID15 = /^\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;

export type PersonalNumberKind = 'idCard' | 'mobile';

/**
 * The kind of a candidate, or null when it is not a personal number. An 18-character one counts whether its
 * check character is right or not: a mistyped ID number still names a person, and the privacy scans
 * (`personalNumbersIn`) flag every one.
 */
function kindOf(candidate: string): PersonalNumberKind | null {
  if (candidate.length === 11) return 'mobile';
  if (candidate.length === 15) return ID15.test(candidate) ? 'idCard' : null;
  return 'idCard';
}

export function maskPersonalNumber(value: string): string {
  return value.length === 11 ? maskMobile(value) : maskIdCard(value);
}

/** Replaces each personal number in `text`; `text` itself (no copy) when it has none, the common case. */
export function replacePersonalNumbers(text: string, replace: (value: string, kind: PersonalNumberKind) => string): string {
  if (!/\d{11}/.test(text)) return text;
  return text.replace(CANDIDATES, (candidate) => {
    const kind = kindOf(candidate);
    return kind === null ? candidate : replace(candidate, kind);
  });
}

export const SEAL_OPEN = '⟦';
export const SEAL_CLOSE = '⟧';
/** A sealed number, also one cut short by a truncated summary (its masked part is all that is shown). */
const SEALED = /⟦([^|⟧]*)(?:\|[^⟧]*)?(?:⟧|$)/g;

/**
 * Every sealed token anywhere in a serialized answer, as its masked form: the safety net behind the marked
 * fields, for a sealed text copied where no schema marks it (an audit entry's detail, a todo's text).
 */
export function maskSealedTokens(serialized: string): string {
  return serialized.includes(SEAL_OPEN) ? serialized.replace(SEALED_IN_JSON, (_token, masked: string) => masked) : serialized;
}

/** A token inside a JSON string: never past its closing quote, so a token cut short cannot eat the document. */
const SEALED_IN_JSON = /⟦([^|⟧"\\]*)(?:\|[^⟧"\\]*)?⟧?/g;

/** The token stored for one number: its masked form, then the sealed value. */
export function sealedToken(value: string, sealed: string): string {
  return `${SEAL_OPEN}${maskPersonalNumber(value)}|${sealed}${SEAL_CLOSE}`;
}

/** Each sealed token in `text` with its masked form and sealed value. */
export function sealedTokensIn(text: string): { token: string; masked: string; sealed: string }[] {
  if (!text.includes(SEAL_OPEN)) return [];
  return [...text.matchAll(/⟦([^|⟧]*)\|([^⟧]*)⟧/g)].map((m) => ({ token: m[0], masked: m[1] ?? '', sealed: m[2] ?? '' }));
}

/**
 * Free text as every reader sees it (SECURITY.md 13, 30): sealed numbers as their masked form, and
 * numbers still in plain (rows written before sealing, decision text in the report) masked on the fly.
 */
export function maskFreeText(text: string): string {
  const unsealed = text.includes(SEAL_OPEN) ? text.replace(SEALED, (_token, masked: string) => masked) : text;
  return replacePersonalNumbers(unsealed, maskPersonalNumber);
}

/**
 * An edited text keeps the numbers of the text it replaces: an editor without `personal.reveal` sees
 * `138****5678` and sends it back; each masked form that matches a token of the previous text, in order,
 * becomes that token again, so a save never turns a sealed number into its mask.
 */
export function carrySealed(previous: string | null | undefined, edited: string): string {
  if (!previous) return edited;
  let text = edited;
  let from = 0;
  for (const { token, masked } of sealedTokensIn(previous)) {
    let at = text.indexOf(masked, from);
    // Only a mask standing alone, not the masked part of a token already there.
    while (at >= 0 && text[at - 1] === SEAL_OPEN) at = text.indexOf(masked, at + 1);
    if (at < 0) continue;
    text = `${text.slice(0, at)}${token}${text.slice(at + masked.length)}`;
    from = at + token.length;
  }
  return text;
}

/**
 * Marks a zod string as free text: the server seals the personal numbers of such a field on the way in
 * (request bodies) and masks them on the way out (responses), for every route that uses the schema.
 */
export const freeTextRegistry = z.registry<{ freeText: true }>();
export function freeText<S extends z.ZodType<string | null | undefined>>(schema: S): S {
  freeTextRegistry.add(schema, { freeText: true });
  return schema;
}
