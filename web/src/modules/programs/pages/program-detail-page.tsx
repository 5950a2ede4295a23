import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MilestoneDto } from '@rg/domain/programs/program.schema';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { programKeys, programsApi } from '../api.ts';
import { useAreaLabel } from '../labels.ts';
import { ApplicationList } from '../components/application-list.tsx';
import { DesignationsTable } from '../components/designations-table.tsx';
import { ApplyModal, ExtendModal, MilestoneModal } from '../components/program-modals.tsx';
import { QuotaTable } from '../components/quota-table.tsx';
import { TemplateCard } from '../components/template-card.tsx';

/** One programme: its rules, milestones, quotas, the applications in the actor's region and the honours. */
export function ProgramDetailPage() {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: programKeys.detail(id), queryFn: () => programsApi.get(id) });
  const [applying, setApplying] = useState(false);
  const [extending, setExtending] = useState<MilestoneDto | null>(null);
  const [addingMilestone, setAddingMilestone] = useState(false);
  if (detail.isPending) return <Skeleton active />;
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data;

  return (
    <>
      <Link to="/programs"><ArrowLeftOutlined /> {t('programs.detail.back')}</Link>
      <PageHeader
        title={<Space>{p.name}<Tag>{p.batch}</Tag>{p.submissionOpen ? <Tag color="green">{t('programs.open')}</Tag> : <Tag>{t('programs.closed')}</Tag>}</Space>}
        extra={
          <Space>
            <Button href={`/api/programs/${p.id}/summary.docx`}>{t('programs.summary.export')}</Button>
            {p.abilities.apply && p.submissionOpen && <Button type="primary" onClick={() => setApplying(true)}>{t('programs.apply')}</Button>}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('programs.detail.info')} size="small">
            <Descriptions column={1} size="small" data-testid="program-info">
              <Descriptions.Item label={t('programs.col.organiser')}>{p.organiserLevel === 'nation' ? p.organiserName : `${p.organiserName}（${t(`programs.level.${p.organiserLevel}`)}）`}</Descriptions.Item>
              <Descriptions.Item label={t('programs.col.unitLevel')}>{t(`programs.unitLevel.${p.unitLevel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.honour')}>{p.honourTitle}</Descriptions.Item>
              <Descriptions.Item label={t('programs.col.cycle')}>{p.cycleStart} ~ {p.cycleEnd}</Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.chain')}>{p.reviewChain.map((l) => t(`programs.level.${l}`)).join(' → ')}</Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.areas')}>
                <Space wrap size={[4, 4]}>{p.contentAreas.map((a) => <Tag key={a.key} color={a.custom ? 'purple' : 'blue'}>{areaLabel(a.key, a.label)}</Tag>)}</Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('programs.detail.conditions')}>
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {p.conditions.map((c) => <li key={c.key}>{c.text}{c.evidenceRequired && <Tag style={{ marginLeft: 6 }}>{t('programs.detail.evidence')}</Tag>}</li>)}
                </ol>
              </Descriptions.Item>
              {p.requiredAttachments.length > 0 && (
                <Descriptions.Item label={t('programs.detail.attachments')}>{p.requiredAttachments.map((a) => a.label).join('、')}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('programs.detail.milestones')} size="small" extra={p.abilities.manage && <Button size="small" onClick={() => setAddingMilestone(true)}>{t('programs.milestone.add')}</Button>}>
            <Table<MilestoneDto>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.milestones}
              data-testid="milestones"
              columns={[
                { title: t('programs.milestone.name'), render: (_, m) => <Space orientation="vertical" size={0}>{m.name}{m.closesSubmission && <Tag color="orange">{t('programs.milestone.closesSubmission')}</Tag>}</Space> },
                {
                  title: t('programs.milestone.due'), width: 130,
                  render: (_, m) => <Space orientation="vertical" size={0}>
                    <span style={m.extendedTo ? { textDecoration: 'line-through', color: '#999' } : undefined}>{m.dueDate}</span>
                    {m.extendedTo && <span>{t('programs.milestone.extendedTo', { date: m.extendedTo })}</span>}
                  </Space>,
                },
                ...(p.abilities.manage ? [{ title: '', width: 70, render: (_: unknown, m: MilestoneDto) => <Button size="small" type="link" onClick={() => setExtending(m)}>{t('programs.milestone.extend')}</Button> }] : []),
              ]}
            />
          </Card>
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
      <ExtendModal programId={p.id} milestone={extending} onClose={() => setExtending(null)} />
      <MilestoneModal programId={p.id} open={addingMilestone} onClose={() => setAddingMilestone(false)} />
    </>
  );
}
