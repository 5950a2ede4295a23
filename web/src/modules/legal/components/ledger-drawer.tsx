import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ServiceDetailDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { attachmentUrl, legalReportKeys, legalReportsApi } from '../api.reports.ts';
import { AttachmentList } from '../../../app/files/attachment-list.tsx';
import { LedgerEditModal } from './ledger-edit-modal.tsx';
import { formatTime, ServiceStatusTag, subjectKindLabel, typeLabel, windowLabel } from './ledger-labels.tsx';
import { LedgerReview } from './ledger-review.tsx';
import { LedgerVersions } from './ledger-versions.tsx';

function Detail({ service }: { service: ServiceDetailDto }) {
  const { t } = useI18n();
  const multiline = { whiteSpace: 'pre-wrap' } as const;
  return (
    <>
      {service.status === 'returned' && service.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('legal.ledger.reviewComment')}
          description={service.reviewComment}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 110 } }}
        items={[
          { key: 'status', label: t('legal.ledger.status'), children: <ServiceStatusTag status={service.status} /> },
          { key: 'servedAt', label: t('legal.ledger.servedAt'), children: formatTime(service.servedAt) },
          { key: 'village', label: t('legal.ledger.village'), children: service.villagePath },
          { key: 'advisor', label: t('legal.ledger.advisor'), children: service.advisorName },
          { key: 'window', label: t('legal.ledger.window'), children: windowLabel(t, service.window) },
          { key: 'type', label: t('legal.ledger.type'), children: typeLabel(t, service.serviceType) },
          { key: 'subjectKind', label: t('legal.ledger.subjectKind'), children: subjectKindLabel(t, service.subjectKind) },
          { key: 'subject', label: t('legal.ledger.subject'), children: service.subjectName || '—' },
          { key: 'content', label: t('legal.ledger.content'), children: <span style={multiline}>{service.content}</span> },
          { key: 'result', label: t('legal.ledger.result'), children: <span style={multiline}>{service.result}</span> },
          { key: 'duration', label: t('legal.ledger.duration'), children: t('legal.ledger.minutes', { count: service.durationMinutes }) },
          {
            key: 'attendance',
            label: t('legal.ledger.attendance'),
            children: service.attendance === undefined ? '—' : t('legal.ledger.people', { count: service.attendance }),
          },
          { key: 'createdAt', label: t('legal.ledger.createdAt'), children: formatTime(service.createdAt) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('legal.ledger.attachments')}
      </Typography.Title>
      <AttachmentList
        attachments={service.attachments}
        urlOf={(fileId) => attachmentUrl(service.id, fileId)}
        emptyText={t('legal.ledger.noAttachments')}
        testId="ledger-attachments"
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('legal.ledger.versions')}
      </Typography.Title>
      <LedgerVersions versions={service.versions} />
    </>
  );
}

/** 服务记录详情: every field, the files, the version history; 修改, 通过 and 退回 when the reader may. */
export function LedgerDrawer({ serviceId, onClose }: { serviceId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({
    queryKey: legalReportKeys.service(serviceId ?? ''),
    queryFn: () => legalReportsApi.service(serviceId ?? ''),
    enabled: serviceId !== null,
  });

  return (
    <Drawer
      open={serviceId !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={detail.data ? `${t('legal.ledger.detail')}${t('common.colon')}${detail.data.villagePath}` : t('legal.ledger.detail')}
      // After a decision the drawer stays open: the refetched record shows its new status.
      extra={
        detail.data ? (
          <Space>
            {detail.data.abilities.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            <LedgerReview service={detail.data} onDone={() => undefined} />
          </Space>
        ) : null
      }
      data-testid="ledger-drawer"
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.error ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Detail service={detail.data} />
      )}
      {editing && detail.data && <LedgerEditModal key={detail.data.version} service={detail.data} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
