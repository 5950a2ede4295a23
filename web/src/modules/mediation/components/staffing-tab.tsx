import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { StaffingGapDto } from '@rg/domain/mediation/committee.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { mediationApi, mediationKeys, staffingExportUrl } from '../api.ts';

function Share({ title, compliant, total, testId }: { title: string; compliant: number; total: number; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Flex align="baseline" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {compliant} / {total}
        </Typography.Title>
      </Flex>
      <Progress
        percent={total === 0 ? 100 : Math.round((compliant / total) * 1000) / 10}
        status={compliant < total ? 'exception' : 'success'}
      />
    </Card>
  );
}

/** 人员配备: towns with fewer than two full-time mediators, villages with none (P3.3(三)1), with the Excel list. */
export function StaffingTab() {
  const { t } = useI18n();
  const staffing = useQuery({ queryKey: mediationKeys.staffing(), queryFn: () => mediationApi.staffing() });
  if (staffing.isPending) return <Skeleton active />;
  if (staffing.error) return <LoadError error={staffing.error} onRetry={() => void staffing.refetch()} />;
  const s = staffing.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('mediation.staffing.rule')} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Share title={t('mediation.staffing.towns')} compliant={s.towns.compliant} total={s.towns.total} testId="staffing-towns" />
        </Col>
        <Col xs={24} md={12}>
          <Share
            title={t('mediation.staffing.villages')}
            compliant={s.villages.compliant}
            total={s.villages.total}
            testId="staffing-villages"
          />
        </Col>
      </Row>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('mediation.staffing.gaps')}
          {t('common.parenthesised', { text: s.totalShort })}
        </Typography.Title>
        {s.abilities.export && s.totalShort > 0 && (
          <Button icon={<DownloadOutlined />} href={staffingExportUrl()}>
            {t('mediation.staffing.export')}
          </Button>
        )}
      </Flex>
      {s.totalShort > s.gaps.length && (
        <Typography.Text type="secondary">{t('mediation.staffing.more', { total: s.totalShort, shown: s.gaps.length })}</Typography.Text>
      )}
      <Table<StaffingGapDto>
        size="small"
        rowKey="code"
        dataSource={s.gaps}
        locale={{ emptyText: t('mediation.staffing.allGood') }}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        data-testid="staffing-gaps"
        columns={[
          { title: t('mediation.staffing.place'), dataIndex: 'path' },
          {
            title: t('mediation.staffing.level'),
            dataIndex: 'level',
            width: 120,
            render: (v: string) => t(v === 'town' ? 'mediation.staffing.level.town' : 'mediation.staffing.level.village'),
          },
          {
            title: t('mediation.staffing.fullTime'),
            dataIndex: 'fullTime',
            width: 110,
            render: (v: number, g) => (
              <Typography.Text type="danger">
                {v} / {g.required}
              </Typography.Text>
            ),
          },
          {
            title: t('mediation.staffing.committee'),
            dataIndex: 'hasCommittee',
            width: 90,
            render: (v: boolean) =>
              v ? (
                <Tag color="green">{t('mediation.staffing.hasCommittee')}</Tag>
              ) : (
                <Tag color="red">{t('mediation.staffing.noCommittee')}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
