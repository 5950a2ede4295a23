import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NormDto } from '@rg/domain/legal/service.schema';
import { useState } from 'react';
import { useErrorMessages, useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { legalKeys } from '../api.ts';
import { legalReportKeys, legalReportsApi } from '../api.reports.ts';
import { normScope } from './compliance-labels.tsx';
import { NormCreateModal } from './compliance-norm-modal.tsx';

/** 服务规范: the norms that apply in the scope (its own, its ancestors', its towns'); managers add and delete. */
export function ComplianceNorms() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { errorMessage } = useErrorMessages();
  const showError = useErrorToast();
  const manage = can('legal.manage');
  const [creating, setCreating] = useState(false);
  const norms = useQuery({ queryKey: legalReportKeys.norms, queryFn: legalReportsApi.norms });
  const remove = useMutation({
    mutationFn: (norm: NormDto) => legalReportsApi.deleteNorm(norm.id),
    onSuccess: () => {
      void message.success(t('legal.norm.deleted'));
      void queryClient.invalidateQueries({ queryKey: legalKeys.all });
    },
    onError: showError,
  });

  const columns: TableColumnsType<NormDto> = [
    { title: t('legal.norm.name'), dataIndex: 'name', width: 220, ellipsis: true },
    { title: t('legal.norm.region'), dataIndex: 'regionName', width: 140, ellipsis: true },
    { title: t('legal.norm.period'), dataIndex: 'period', width: 90, render: (_value, norm) => t(`legal.norm.period.${norm.period}`) },
    { title: t('legal.norm.counts'), key: 'scope', width: 180, render: (_value, norm) => normScope(t, norm) },
    {
      title: t('legal.norm.minCount'),
      dataIndex: 'minCount',
      width: 90,
      align: 'right',
      render: (count: number) => t('legal.norm.times', { count }),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_value: unknown, norm: NormDto) => (
              <Popconfirm
                title={t('legal.norm.deleteConfirm', { name: norm.name })}
                onConfirm={() => remove.mutate(norm)}
                okText={t('legal.norm.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
              >
                <Button type="link" size="small" danger>
                  {t('legal.norm.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('legal.norm.title')}
        </Typography.Title>
        {manage && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="norm-create">
            {t('legal.norm.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert message={norms.error ? errorMessage(norms.error) : null} />
      <Table<NormDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={norms.data?.items ?? []}
        loading={norms.isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.norm.empty')} /> }}
        data-testid="compliance-norms"
      />
      {manage && <NormCreateModal key={creating ? 'open' : 'closed'} open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
