import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { mediationApi, mediationKeys, type CaseQuery } from '../api.ts';
import { RISK_COLORS, STATUS_COLORS, useMediationLabels } from '../labels.ts';

const RECENT = { page: 1, pageSize: 30 };

/** /m/mediation/cases: the mediator's workbench on the phone — 登记纠纷, and the cases of their place (在办 first), newest first. */
export function MediatorCasesPage() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const navigate = useNavigate();
  const [which, setWhich] = useState<'open' | 'all'>('open');
  const query: CaseQuery = which === 'open' ? { ...RECENT, open: 'true' } : RECENT;
  const cases = useQuery({ queryKey: mediationKeys.cases(query), queryFn: () => mediationApi.cases(query) });
  return (
    <MobilePage title={t('mediation.m.title')} testId="mediator-cases">
      <Button
        type="primary"
        size="large"
        block
        icon={<PlusOutlined />}
        onClick={() => void navigate('/m/mediation/new')}
        style={{ height: 52, fontSize: 18, marginBottom: 12 }}
      >
        {t('mediation.case.register')}
      </Button>
      <Segmented
        block
        size="large"
        value={which}
        onChange={setWhich}
        options={[
          { value: 'open', label: t('mediation.m.open') },
          { value: 'all', label: t('mediation.m.all') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="mediator-filter"
      />
      {cases.isPending && <Spin size="large" style={{ display: 'block', margin: 48 }} />}
      {cases.error && <LoadError error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data?.items.length === 0 && <Empty description={t('mediation.case.empty')} />}
      <Flex vertical gap={10}>
        {cases.data?.items.map((c) => (
          <Card key={c.id} size="small" hoverable onClick={() => void navigate(`/m/mediation/cases/${c.id}`)} data-testid="mediator-case">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {labels.caseType[c.caseType]}
              </Typography.Text>
              <Tag color={STATUS_COLORS[c.status]} style={{ fontSize: 14 }}>
                {labels.status[c.status]}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {c.caseNo} · {c.registeredOn}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0', fontSize: 15 }}>
              {c.partyNames}
              {t('common.colon')}
              {c.summary}
            </Typography.Paragraph>
            <Flex gap={4} wrap>
              {c.riskLevel !== 'low' && (
                <Tag color={RISK_COLORS[c.riskLevel]}>{t('mediation.case.riskTag', { level: labels.risk[c.riskLevel] })}</Tag>
              )}
              {c.criminalRisk && <Tag color="red">{t('mediation.case.criminalRiskTag')}</Tag>}
              {c.overdue && c.outcome === null && <Tag color="volcano">{t('mediation.case.overdue')}</Tag>}
            </Flex>
          </Card>
        ))}
      </Flex>
      {(cases.data?.total ?? 0) > RECENT.pageSize && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'center' }}>
          {t('mediation.m.more', { total: cases.data?.total ?? 0 })}
        </Typography.Paragraph>
      )}
    </MobilePage>
  );
}
