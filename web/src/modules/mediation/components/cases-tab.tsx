import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import type { CaseListDto, CaseListItemDto } from '@rg/domain/mediation/case.schema';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList } from '../../../app/lists/use-paged-list.ts';
import { casesExportUrl, mediationApi, mediationKeys, type CaseFilters, type CaseQuery } from '../api.ts';
import { optionsOf, RISK_COLORS, STATUS_COLORS, useMediationLabels } from '../labels.ts';
import { CaseCreateModal } from './case-create-modal.tsx';
import { CaseDrawer } from './case-drawer.tsx';

/** 调解案件: the scoped list with filters (the todo links arrive with 民转刑 or 超期 preset), 登记, and the detail drawer. */
export function CasesTab() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const preset: CaseFilters = {
    ...(params.get('criminalRisk') === 'true' ? { criminalRisk: 'true' as const } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}),
    ...(params.get('status') === 'follow_up' ? { status: 'follow_up' as const } : {}),
  };
  const list = usePagedList<CaseFilters, CaseQuery, CaseListItemDto, Pick<CaseListDto, 'abilities'>>({
    toQuery: (filters, paging) => ({ ...preset, ...filters, ...paging }),
    queryKey: mediationKeys.cases,
    queryFn: mediationApi.cases,
  });
  const filters = { ...preset, ...list.filters };
  const abilities = list.answer?.abilities;

  const columns: TableColumnsType<CaseListItemDto> = [
    {
      title: t('mediation.case.no'),
      dataIndex: 'caseNo',
      width: 220,
      render: (_v, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {row.caseNo}
        </Button>
      ),
    },
    { title: t('mediation.case.place'), dataIndex: ['region', 'path'], width: 170, ellipsis: true },
    { title: t('mediation.case.type'), dataIndex: 'caseType', width: 130, render: (_v, row) => labels.caseType[row.caseType] },
    { title: t('mediation.case.parties'), dataIndex: 'partyNames', width: 140, ellipsis: true },
    {
      title: t('mediation.case.risk'),
      dataIndex: 'riskLevel',
      width: 120,
      render: (_v, row) => (
        <Space size={4} wrap>
          <Tag color={RISK_COLORS[row.riskLevel]}>{labels.risk[row.riskLevel]}</Tag>
          {row.criminalRisk && <Tag color="red">{t('mediation.case.criminalRiskTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('mediation.case.registeredOn'), dataIndex: 'registeredOn', width: 110 },
    {
      title: t('mediation.case.status'),
      dataIndex: 'status',
      width: 130,
      render: (_v, row) => (
        <Space size={4}>
          <Tag color={STATUS_COLORS[row.status]}>{labels.status[row.status]}</Tag>
          {row.overdue && row.outcome === null && <Tag color="volcano">{t('mediation.case.overdue')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('mediation.case.search')}
            style={{ width: 220 }}
            onSearch={(q) => list.setFilters({ ...list.filters, q: q || undefined })}
          />
          <Select
            allowClear
            placeholder={t('mediation.case.status')}
            style={{ width: 120 }}
            value={filters.status}
            options={optionsOf(labels.status)}
            onChange={(status) => list.setFilters({ ...list.filters, status })}
          />
          <Select
            allowClear
            placeholder={t('mediation.case.type')}
            style={{ width: 170 }}
            value={filters.caseType}
            options={optionsOf(labels.caseType)}
            onChange={(caseType) => list.setFilters({ ...list.filters, caseType })}
          />
          <Checkbox
            checked={filters.criminalRisk === 'true'}
            onChange={(e) => list.setFilters({ ...list.filters, criminalRisk: e.target.checked ? 'true' : undefined })}
          >
            {t('mediation.case.onlyCriminal')}
          </Checkbox>
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => list.setFilters({ ...list.filters, overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('mediation.case.onlyOverdue')}
          </Checkbox>
        </Space>
        <Space>
          {abilities?.export && (
            <Button icon={<DownloadOutlined />} href={casesExportUrl(filters)} data-testid="cases-export">
              {t('mediation.case.export')}
            </Button>
          )}
          {abilities?.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('mediation.case.register')}
            </Button>
          )}
        </Space>
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <PagedTable<CaseListItemDto>
        rowKey="id"
        columns={columns}
        paged={list.paged}
        emptyText={t('mediation.case.empty')}
        scroll={{ x: 1020 }}
        data-testid="cases-table"
      />
      {creating && (
        <CaseCreateModal
          open
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      )}
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </>
  );
}
