import { replacePersonalNumbers, SEAL_OPEN, sealedToken, sealedTokensIn } from '@rg/domain/personal/free-text';
import type { PersonalDataCipher } from './personal-data.ts';

type NumberSealer = Pick<PersonalDataCipher, 'sealNumber' | 'openNumber'>;

/**
 * Free text on its way to the database (SECURITY.md 30): each ID number and mobile in it becomes a sealed
 * token. A regex test decides first, so a text without numbers (nearly all of them) costs no crypto and
 * comes back as the same string. Tokens already in the text (an edit carrying them) are kept as they are.
 */
export function sealFreeText(cipher: NumberSealer, text: string): string {
  if (!text.includes(SEAL_OPEN)) return replacePersonalNumbers(text, (value) => sealedToken(value, cipher.sealNumber(value)));
  // Numbers outside tokens only: the masked part of a token holds no full number, the sealed part no digits run of 11.
  return text
    .split(/(⟦[^⟧]*⟧)/)
    .map((part) =>
      part.startsWith(SEAL_OPEN) ? part : replacePersonalNumbers(part, (value) => sealedToken(value, cipher.sealNumber(value))),
    )
    .join('');
}

/** The text with its numbers in full: for an audited reveal (`core/audit/reveal.ts`) or the signed 调解协议书. */
export function unsealFreeText(cipher: NumberSealer, text: string): string {
  let plain = text;
  for (const { token, sealed } of sealedTokensIn(text)) plain = plain.replace(token, cipher.openNumber(sealed));
  return plain;
}
