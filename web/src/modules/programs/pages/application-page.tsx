import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Col, Row, Skeleton, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { programKeys, programsApi } from '../api.ts';
import { ApplicationEditor } from '../components/application-editor.tsx';
import { ApplicationStatusTag, programPath } from '../components/labels.tsx';
import { PlanDiff } from '../components/plan-diff.tsx';
import { ReviewHistory, ReviewPanel } from '../components/review-panel.tsx';

/** 申报书: the applicant edits and submits; the reviewer at its level decides; both see history and diffs. */
export function ApplicationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const application = useQuery({ queryKey: programKeys.application(id), queryFn: () => programsApi.application(id) });
  const programId = application.data?.programId ?? '';
  const program = useQuery({
    queryKey: programKeys.detail(programId),
    queryFn: () => programsApi.get(programId),
    enabled: programId !== '',
  });
  if (application.error) return <LoadError error={application.error} onRetry={() => void application.refetch()} />;
  if (program.error) return <LoadError error={program.error} onRetry={() => void program.refetch()} />;
  if (application.isPending || program.isPending) return <Skeleton active />;
  const a = application.data;

  return (
    <>
      <Link to={programPath(a.programId)}>
        <ArrowLeftOutlined /> {a.programName}
      </Link>
      <PageHeader
        title={
          <Space>
            {t('programs.app.title', { unit: a.unitName })}
            <ApplicationStatusTag status={a.status} />
            <Tag>V{a.planVersion}</Tag>
          </Space>
        }
      />
      {a.status === 'submitted' && a.reviewerRegionName && a.reviewLevel && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          data-testid="waiting-at"
          title={t('programs.app.waitingAt', { region: a.reviewerRegionName, level: t(`programs.level.${a.reviewLevel}`) })}
        />
      )}
      {a.status === 'closed' && program.data.withdrawal && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          data-testid="application-closed"
          title={t('programs.app.closed', { reason: program.data.withdrawal.reason })}
        />
      )}
      <Row gutter={16}>
        <Col span={16}>
          {/* Keyed by status and plan version: after a review or a new version the editor starts from the stored state; a failed submit keeps its errors. */}
          <ApplicationEditor key={`${a.id}-${a.status}-${a.planVersion}`} application={a} program={program.data} />
        </Col>
        <Col span={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {a.abilities.review && <ReviewPanel application={a} />}
            <ReviewHistory application={a} />
            <PlanDiff key={a.versions.length} application={a} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
