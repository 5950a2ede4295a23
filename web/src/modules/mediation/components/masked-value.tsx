import { Space, Typography } from 'antd';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';
import { useReveal } from './reveal.tsx';

/** A masked phone or ID number; 查看 asks the server for the whole value (audited) when allowed. */
export function MaskedValue({
  masked,
  canReveal,
  reveal,
  label,
}: {
  masked: string | null;
  canReveal: boolean;
  reveal: () => Promise<RevealedDto>;
  label: string;
}) {
  const { revealed, button } = useReveal(reveal, label, { padding: 0 });
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{revealed ?? masked}</Typography.Text>
      {canReveal && button}
    </Space>
  );
}
