import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Skeleton, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { programKeys, programsApi } from '../api.ts';
import { EvaluationSection } from '../components/evaluation-section.tsx';
import { DesignationStatusTag, programPath } from '../components/labels.tsx';
import { ReportSection } from '../components/report-section.tsx';

/** 示范单位: its title and dates, yearly reports, and evaluations with the acceptance result. */
export function DesignationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: programKeys.designation(id), queryFn: () => programsApi.designation(id) });
  if (detail.isPending) return <Skeleton active />;
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data.designation;
  return (
    <>
      <Link to="/programs?tab=designations">
        <ArrowLeftOutlined /> {t('programs.designation.back')}
      </Link>
      <PageHeader
        title={
          <Space>
            {d.unitName} · {d.title}
            <DesignationStatusTag status={d.status} />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('programs.col.program')}>
            <Link to={programPath(d.programId)}>
              {d.programName}
              {t('common.parenthesised', { text: d.batch })}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('programs.col.designatedOn')}>{d.designatedOn}</Descriptions.Item>
          <Descriptions.Item label={t('programs.col.validUntil')}>{d.validUntil}</Descriptions.Item>
          {d.statusReason && <Descriptions.Item label={t('programs.designation.reason')}>{d.statusReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <ReportSection designationId={id} detail={detail.data} />
        </Col>
        <Col span={12}>
          <EvaluationSection designationId={id} detail={detail.data} />
        </Col>
      </Row>
    </>
  );
}
