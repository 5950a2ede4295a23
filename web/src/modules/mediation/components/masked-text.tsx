import { Typography } from 'antd';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';
import { useReveal } from './reveal.tsx';

/** A masked ID number (6104**********0038, 6104*******1003) or mobile (139****5678) inside a text. */
const MASKED_NUMBER = /\d{3,4}\*{4,}[\dXx]{4}/;

/**
 * A text whose typed-in ID numbers and mobiles the server shows masked (SECURITY.md 30); 查看 asks for the
 * whole text (audited) when the viewer may reveal and the text holds a masked number.
 */
export function MaskedText({
  text,
  canReveal,
  reveal,
  label,
}: {
  text: string;
  canReveal: boolean;
  reveal: () => Promise<RevealedDto>;
  label: string;
}) {
  const { revealed, button } = useReveal(reveal, label);
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
      {revealed ?? text}
      {canReveal && MASKED_NUMBER.test(text) && button}
    </Typography.Paragraph>
  );
}
