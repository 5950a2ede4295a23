import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { programKeys, programsApi } from '../api.ts';
import { useAreaLabel } from '../labels.ts';
import { ApplicationList } from '../components/application-list.tsx';
import { DesignationsTable } from '../components/designations-table.tsx';
import { ProgramStatusTag } from '../components/labels.tsx';
import { MilestoneCard } from '../components/milestone-card.tsx';
import { ProgramEditModal } from '../components/program-edit-modal.tsx';
import { ApplyModal } from '../components/program-modals.tsx';
import { ProgramWithdrawModal } from '../components/program-withdraw-modal.tsx';
import { QuotaTable } from '../components/quota-table.tsx';
import { TemplateCard } from '../components/template-card.tsx';

/**
 * One programme: its description (with its line breaks), rules, milestones, quotas, the applications
 * in the actor's region and the honours; its manager edits it (编辑) or withdraws it (撤销项目) while
 * no unit is approved yet.
 */
export function ProgramDetailPage() {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: programKeys.detail(id), queryFn: () => programsApi.get(id) });
  const [applying, setApplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  if (detail.isPending) return <Skeleton active />;
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data;

  return (
    <>
      <Link to="/programs">
        <ArrowLeftOutlined /> {t('programs.detail.back')}
      </Link>
      <PageHeader
        title={
          <Space>
            {p.name}
            <Tag>{p.batch}</Tag>
            <ProgramStatusTag program={p} />
          </Space>
        }
        extra={
          <Space>
            {p.abilities.manage && <Button onClick={() => setEditing(true)}>{t('programs.edit')}</Button>}
            {p.withdrawable && (
              <Button danger onClick={() => setWithdrawing(true)}>
                {t('programs.withdraw')}
              </Button>
            )}
            <Button href={`/api/programs/${p.id}/summary.docx`}>{t('programs.summary.export')}</Button>
            {p.abilities.apply && p.submissionOpen && (
              <Button type="primary" onClick={() => setApplying(true)}>
                {t('programs.apply')}
              </Button>
            )}
          </Space>
        }
      />
      {p.withdrawal && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          data-testid="program-withdrawn"
          title={t('programs.withdrawn.notice', { date: dayjs(p.withdrawal.at).format('YYYY-MM-DD'), by: p.withdrawal.byName })}
          description={t('programs.withdrawn.reason', { reason: p.withdrawal.reason })}
        />
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('programs.detail.info')} size="small">
            <Descriptions column={1} size="small" data-testid="program-info">
              <Descriptions.Item label={t('programs.detail.description')}>
                {p.description ? (
                  <div data-testid="program-description" style={{ whiteSpace: 'pre-wrap' }}>
                    {p.description}
                  </div>
                ) : (
                  <Typography.Text type="secondary" data-testid="program-description">
                    {t('programs.detail.noDescription')}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.col.organiser')}>
                {p.organiserLevel === 'nation'
                  ? p.organiserName
                  : `${p.organiserName}${t('common.parenthesised', { text: t(`programs.level.${p.organiserLevel}`) })}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.col.unitLevel')}>{t(`programs.unitLevel.${p.unitLevel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.honour')}>{p.honourTitle}</Descriptions.Item>
              <Descriptions.Item label={t('programs.col.cycle')}>
                {p.cycleStart} ~ {p.cycleEnd}
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.chain')}>
                {p.reviewChain.map((l) => t(`programs.level.${l}`)).join(' → ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.areas')}>
                <Space wrap size={[4, 4]}>
                  {p.contentAreas.map((a) => (
                    <Tag key={a.key} color={a.custom ? 'purple' : 'blue'}>
                      {areaLabel(a.key, a.label)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.conditions')}>
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {p.conditions.map((c) => (
                    <li key={c.key}>
                      {c.text}
                      {c.evidenceRequired && <Tag style={{ marginLeft: 6 }}>{t('programs.detail.evidence')}</Tag>}
                    </li>
                  ))}
                </ol>
              </Descriptions.Item>
              {p.requiredAttachments.length > 0 && (
                <Descriptions.Item label={t('programs.detail.attachments')}>
                  {p.requiredAttachments.map((a) => a.label).join(t('common.listSeparator'))}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col span={10}>
          <MilestoneCard program={p} />
          <TemplateCard programId={p.id} manage={p.abilities.manage} />
          {p.quotaLevel && (
            <Card title={t('programs.detail.quotas')} size="small" style={{ marginTop: 16 }}>
              <QuotaTable program={p} />
            </Card>
          )}
        </Col>
      </Row>
      <Card title={t('programs.detail.applications')} size="small" style={{ marginTop: 16 }}>
        <ApplicationList programId={p.id} />
      </Card>
      <Card title={t('programs.designations.title')} size="small" style={{ marginTop: 16 }}>
        <DesignationsTable programId={p.id} />
      </Card>
      <ApplyModal programId={p.id} open={applying} onClose={() => setApplying(false)} />
      <ProgramEditModal program={p} open={editing} onClose={() => setEditing(false)} />
      <ProgramWithdrawModal program={p} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
}
