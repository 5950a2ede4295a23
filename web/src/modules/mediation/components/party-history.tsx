import { Alert, Space, Typography } from 'antd';
import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useMediationLabels } from '../labels.ts';

/** 反复纠纷: a party who is in other disputes of the region, with links to them — a reason to weigh the risk again. */
export function PartyHistory({ history, onOpen }: { history: CaseDto['partyHistory']; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const labels = useMediationLabels();
  if (history.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="party-history"
      title={t('mediation.case.repeat')}
      description={
        <Space orientation="vertical" size={4}>
          {history.map((h) => (
            <span key={h.partyId}>
              {t('mediation.case.repeatParty', { name: h.name, total: h.total })}
              {h.cases.map((c) => (
                <Typography.Link key={c.id} onClick={() => onOpen(c.id)} style={{ marginLeft: 8 }}>
                  {c.caseNo}
                  {t('common.parenthesised', { text: labels.status[c.status] })}
                </Typography.Link>
              ))}
            </span>
          ))}
        </Space>
      }
    />
  );
}
