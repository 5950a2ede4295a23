import { Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AssignmentDto } from '@rg/domain/legal/assignment.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import type { AdvisorDetailDto } from '@rg/domain/legal/advisor.schema';
import { legalApi, legalKeys } from '../api.ts';
import { formatYuan } from '../money.ts';
import { categoryLabel, STATUS_COLORS, statusLabel } from './advisor-labels.ts';
import { MaskedValue } from './masked-value.tsx';
import { ContractFiles } from './contract-files.tsx';

function HistoryItem({ assignment }: { assignment: AssignmentDto }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text strong>{assignment.villagePath}</Typography.Text>{' '}
      {assignment.current ? <Tag color="success">{t('legal.assignment.current')}</Tag> : <Tag>{t('legal.assignment.ended')}</Tag>}
      <br />
      <Typography.Text type="secondary">
        {assignment.startDate} ~ {assignment.endDate ?? ''}
        {assignment.endReason ? t('common.parenthesised', { text: assignment.endReason }) : ''}
      </Typography.Text>
    </>
  );
}

function Detail({ advisor }: { advisor: AdvisorDetailDto }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'region', label: t('legal.advisor.region'), children: advisor.regionName },
          { key: 'gender', label: t('legal.advisor.gender'), children: t(`legal.gender.${advisor.gender}`) },
          { key: 'category', label: t('legal.advisor.category'), children: categoryLabel(t, advisor.category) },
          {
            key: 'status',
            label: t('legal.advisor.status'),
            children: <Tag color={STATUS_COLORS[advisor.status]}>{statusLabel(t, advisor.status)}</Tag>,
          },
          {
            key: 'phone',
            label: t('legal.advisor.phone'),
            children: <MaskedValue advisorId={advisor.id} field="phone" masked={advisor.phone} canReveal={advisor.abilities.reveal} />,
          },
          {
            key: 'idNumber',
            label: t('legal.advisor.idNumber'),
            children: (
              <MaskedValue advisorId={advisor.id} field="idNumber" masked={advisor.idNumber} canReveal={advisor.abilities.reveal} />
            ),
          },
          { key: 'employer', label: t('legal.advisor.employerName'), children: advisor.employerName ?? '—' },
          { key: 'uscc', label: t('legal.advisor.employerUscc'), children: advisor.employerUscc ?? '—' },
          { key: 'licence', label: t('legal.advisor.licenceNo'), children: advisor.licenceNo ?? '—' },
          {
            key: 'contract',
            label: t('legal.advisor.contract'),
            children:
              advisor.contractStart || advisor.contractEnd ? `${advisor.contractStart ?? '—'} ~ ${advisor.contractEnd ?? '—'}` : '—',
          },
          {
            key: 'fee',
            label: t('legal.advisor.fee'),
            children: advisor.contractFeeFen === null ? '—' : formatYuan(advisor.contractFeeFen),
          },
          {
            key: 'contractFiles',
            label: t('legal.advisor.contractFiles'),
            children: <ContractFiles advisorId={advisor.id} files={advisor.contractFiles} canUpload={advisor.abilities.update} />,
          },
          {
            key: 'account',
            label: t('legal.advisor.account'),
            children: advisor.userId ? t('legal.advisor.accountLinked') : t('legal.advisor.accountNone'),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('legal.advisor.history')}
      </Typography.Title>
      {advisor.assignments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.advisor.noHistory')} />
      ) : (
        <Timeline
          data-testid="advisor-history"
          items={advisor.assignments.map((assignment) => ({
            key: assignment.id,
            color: assignment.current ? 'green' : 'gray',
            content: <HistoryItem assignment={assignment} />,
          }))}
        />
      )}
    </>
  );
}

/** 法律顾问详情: every field (masked, with 查看) and the assignment history, newest first. */
export function AdvisorDrawer({ advisorId, onClose }: { advisorId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: legalKeys.advisor(advisorId ?? ''),
    queryFn: () => legalApi.advisor(advisorId ?? ''),
    enabled: advisorId !== null,
  });

  return (
    <Drawer
      open={advisorId !== null}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={detail.data ? `${t('legal.advisor.detail')}${t('common.colon')}${detail.data.name}` : t('legal.advisor.detail')}
      data-testid="advisor-drawer"
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.error ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Detail advisor={detail.data} />
      )}
    </Drawer>
  );
}
