import { PictureOutlined } from '@ant-design/icons';
import { Flex, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ConsultationDto } from '@rg/domain/legal/service.schema';
import dayjs from 'dayjs';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { FilterBar } from '../../../app/lists/filter-bar.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalReportKeys, legalReportsApi, type ConsultationListQuery, type ConsultationStatus } from '../api.reports.ts';
import { formatTime } from './ledger-labels.tsx';

interface Filters {
  regionCode?: string;
  status?: ConsultationStatus;
}

function toQuery(filters: Filters, paging: Paging): ConsultationListQuery {
  return { ...filters, ...paging };
}

function duration(t: I18n['t'], minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? t('legal.questions.minutesOnly', { minutes }) : t('legal.questions.hours', { hours, minutes: minutes % 60 });
}

function StatusTag({ row }: { row: ConsultationDto }) {
  const { t } = useI18n();
  if (row.answer !== null) return <Tag color="success">{t('legal.questions.answered')}</Tag>;
  if (row.overdue) return <Tag color="red">{t('legal.questions.overdue')}</Tag>;
  return <Tag color="processing">{t('legal.questions.open')}</Tag>;
}

const TABLE_WIDTH = 1060;

/** 网上咨询 tab: villagers' questions in the scope, the ones waiting past the deadline marked 超时. */
export function QuestionsTab() {
  const { t } = useI18n();
  const list = usePagedList({ toQuery, queryKey: legalReportKeys.consultations, queryFn: legalReportsApi.consultations });
  const filters = list.filters;

  const columns: TableColumnsType<ConsultationDto> = [
    { title: t('legal.questions.status'), key: 'status', width: 76, render: (_value, row) => <StatusTag row={row} /> },
    {
      title: t('legal.questions.question'),
      dataIndex: 'question',
      width: 250,
      render: (question: string, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: question }} style={{ marginBottom: 0 }}>
            {question}
          </Typography.Paragraph>
          {row.pictures.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <PictureOutlined /> {t('legal.questions.pictures', { count: row.pictures.length })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('legal.questions.village'),
      dataIndex: 'villagePath',
      width: 170,
      ellipsis: { showTitle: false },
      render: (path: string) => <Tooltip title={path}>{path}</Tooltip>,
    },
    { title: t('legal.questions.asker'), dataIndex: 'askerName', width: 90, ellipsis: true },
    { title: t('legal.questions.askedAt'), dataIndex: 'askedAt', width: 140, render: (value: string) => formatTime(value) },
    {
      title: t('legal.questions.responseTime'),
      key: 'response',
      width: 150,
      render: (_value, row) =>
        row.responseMinutes !== null ? (
          duration(t, row.responseMinutes)
        ) : (
          // Still open: how long the villager has been waiting, red once past the deadline.
          <Typography.Text type={row.overdue ? 'danger' : 'secondary'}>
            {t('legal.questions.waiting', { duration: duration(t, Math.max(0, dayjs().diff(dayjs(row.askedAt), 'minute'))) })}
          </Typography.Text>
        ),
    },
    {
      title: t('legal.questions.answer'),
      dataIndex: 'answer',
      render: (answer: string | null, row) =>
        answer === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: answer }} style={{ marginBottom: 0 }}>
              {answer}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.advisorName ?? ''} {formatTime(row.answeredAt)}
            </Typography.Text>
          </Space>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <FilterBar onReset={() => list.setFilters({})}>
          <Segmented<ConsultationStatus | 'all'>
            value={filters.status ?? 'all'}
            onChange={(status) => list.setFilters({ ...filters, status: status === 'all' ? undefined : status })}
            options={[
              { value: 'all', label: t('legal.questions.all') },
              { value: 'open', label: t('legal.questions.open') },
              { value: 'overdue', label: t('legal.questions.overdue') },
              { value: 'answered', label: t('legal.questions.answered') },
            ]}
            data-testid="questions-status"
          />
          <RegionPicker
            allowClear
            placeholder={t('legal.questions.regionFilter')}
            ariaLabel={t('legal.questions.regionFilter')}
            testId="questions-region-filter"
            style={{ width: 240 }}
            value={filters.regionCode}
            onChange={(regionCode) => list.setFilters({ ...filters, regionCode })}
          />
        </FilterBar>
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <PagedTable<ConsultationDto>
        paged={list.paged}
        emptyText={t(filters.status === 'overdue' ? 'legal.questions.emptyOverdue' : 'legal.questions.empty')}
        rowKey="id"
        columns={columns}
        scroll={{ x: TABLE_WIDTH }}
        data-testid="questions-table"
      />
    </>
  );
}
