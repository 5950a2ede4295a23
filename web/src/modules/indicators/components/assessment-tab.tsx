import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import type { RoundDto, UnitResultDto } from '@rg/domain/indicators/indicators.schema';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { allocationExportUrl, currentPeriod, indicatorsApi, indicatorsKeys, recentPeriods } from '../api.ts';

const GRADE_COLORS = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' } as const;
const yuan = (fen: number | null) =>
  fen === null ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 考核与以奖代补: a round's ranked results, scoring, indicator items filled in, and the subsidy pool shared out. */
export function AssessmentTab() {
  const { t } = useI18n();
  const rounds = useQuery({ queryKey: indicatorsKeys.rounds, queryFn: indicatorsApi.rounds });
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (rounds.isPending) return <Skeleton active />;
  if (rounds.error) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const id = chosen ?? rounds.data.items[0]?.id ?? '';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {rounds.data.items.length > 0 && (
          <Select
            value={id}
            onChange={setChosen}
            style={{ minWidth: 360 }}
            aria-label={t('indicators.round.select')}
            options={rounds.data.items.map((r) => ({ value: r.id, label: `${r.regionName} · ${r.name}` }))}
          />
        )}
        {rounds.data.abilities.create && <Button onClick={() => setCreating(true)}>{t('indicators.round.create')}</Button>}
      </Space>
      {rounds.data.items.length === 0 ? <Empty description={t('indicators.round.none')} /> : <RoundView key={id} id={id} />}
      <RoundCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(round) => setChosen(round.id)} />
    </Space>
  );
}

function RoundView({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const round = useQuery({ queryKey: indicatorsKeys.round(id), queryFn: () => indicatorsApi.round(id) });
  const [scoring, setScoring] = useState(false);
  const [allocating, setAllocating] = useState(false);
  const showError = useErrorToast();
  const autofill = useMutation({
    mutationFn: () => indicatorsApi.autofill(id),
    onSuccess: (data) => {
      queryClient.setQueryData(indicatorsKeys.round(id), data);
      void message.success(t('indicators.round.autofilled'));
    },
    onError: showError,
  });
  if (round.isPending) return <Skeleton active />;
  if (round.error) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;

  const columns: TableColumnsType<UnitResultDto> = [
    { title: t('indicators.rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
    { title: t('indicators.score.unit'), dataIndex: 'unitName', width: 110, fixed: 'left' },
    ...r.template.items.map((item) => ({
      title: `${item.name}${t('common.parenthesised', { text: item.maxScore })}`,
      key: item.code,
      width: 110,
      align: 'right' as const,
      render: (_v: unknown, row: UnitResultDto) => {
        const s = row.items.find((x) => x.itemCode === item.code);
        if (!s || s.score === null) return '—';
        const links = s.evidence.map((e) => e.label ?? e.ref).join(t('common.semicolon'));
        return (
          <Tooltip title={links || undefined}>
            <span>
              {s.score}
              {s.auto && <Tag style={{ marginInlineStart: 4 }}>{t('indicators.round.auto')}</Tag>}
            </span>
          </Tooltip>
        );
      },
    })),
    {
      title: t('indicators.round.total'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('indicators.round.grade'),
      dataIndex: 'grade',
      width: 80,
      render: (g: UnitResultDto['grade']) => <Tag color={GRADE_COLORS[g]}>{t(`indicators.grade.${g}`)}</Tag>,
    },
    {
      title: t('indicators.round.allocation'),
      dataIndex: 'allocationFen',
      width: 120,
      align: 'right',
      render: (v: number | null) => yuan(v),
    },
    { title: t('indicators.round.calculation'), dataIndex: 'calculation', width: 360, ellipsis: { showTitle: true } },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        bordered
        items={[
          {
            key: 'template',
            label: t('indicators.round.template'),
            children: `${r.template.name}${t('common.parenthesised', { text: r.template.clause })}`,
          },
          {
            key: 'period',
            label: t('indicators.period'),
            children: t('indicators.round.period', { period: r.period, from: r.startsOn, to: r.endsOn }),
          },
          {
            key: 'assessors',
            label: t('indicators.round.assessors'),
            children: r.assessors.length > 0 ? r.assessors.join(t('common.listSeparator')) : t('indicators.round.anyAssessor'),
          },
          ...(r.poolFen !== null
            ? [{ key: 'pool', label: t('indicators.allocation.pool'), children: t('indicators.round.pool', { amount: yuan(r.poolFen) }) }]
            : []),
        ]}
      />
      <Space wrap>
        {r.abilities.score && (
          <Button type="primary" onClick={() => setScoring(true)}>
            {t('indicators.round.score')}
          </Button>
        )}
        {r.abilities.score && (
          <Button loading={autofill.isPending} onClick={() => autofill.mutate()}>
            {t('indicators.round.autofill')}
          </Button>
        )}
        {r.abilities.allocate && <Button onClick={() => setAllocating(true)}>{t('indicators.round.allocate')}</Button>}
        {r.poolFen !== null && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              window.location.href = allocationExportUrl(id);
            }}
          >
            {t('indicators.round.exportAllocation')}
          </Button>
        )}
      </Space>
      <Table<UnitResultDto>
        rowKey="unitCode"
        size="small"
        columns={columns}
        dataSource={r.results}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="round-results"
      />
      <ScoreModal round={r} open={scoring} onClose={() => setScoring(false)} />
      <AllocationModal round={r} open={allocating} onClose={() => setAllocating(false)} />
    </Space>
  );
}

interface ScoreValues {
  unitCode: string;
  itemCode: string;
  score: number;
  evidenceRef?: string;
}

function ScoreModal({ round, open, onClose }: { round: RoundDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useFormSubmit<ScoreValues, RoundDto>({
    fields: ['unitCode', 'itemCode', 'score'],
    mutationFn: (v) =>
      indicatorsApi.score(round.id, {
        unitCode: v.unitCode,
        itemCode: v.itemCode,
        score: v.score,
        evidence: v.evidenceRef ? [{ kind: 'document', ref: v.evidenceRef }] : [],
      }),
    successMessage: t('indicators.score.saved'),
    onSuccess: (data) => {
      queryClient.setQueryData(indicatorsKeys.round(round.id), data);
      onClose();
    },
  });
  const itemCode = Form.useWatch('itemCode', save.form);
  const max = round.template.items.find((i) => i.code === itemCode)?.maxScore ?? 100;
  return (
    <FormModal title={t('indicators.score.title')} open={open} onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT}>
        <Form.Item
          name="unitCode"
          label={t('indicators.score.unit')}
          rules={[{ required: true, message: t('indicators.report.required') }]}
        >
          <Select options={round.results.map((u) => ({ value: u.unitCode, label: u.unitName }))} />
        </Form.Item>
        <Form.Item
          name="itemCode"
          label={t('indicators.score.item')}
          rules={[{ required: true, message: t('indicators.report.required') }]}
        >
          <Select
            options={round.template.items
              .filter((i) => !i.auto)
              .map((i) => ({ value: i.code, label: `${i.name}${t('common.parenthesised', { text: i.maxScore })}` }))}
          />
        </Form.Item>
        <Form.Item
          name="score"
          label={t('indicators.score.value', { max })}
          rules={[{ required: true, message: t('indicators.report.required') }]}
        >
          <InputNumber min={0} step={0.5} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="evidenceRef" label={t('indicators.score.evidence')} extra={t('indicators.score.evidenceHelp')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface AllocationValues {
  poolYuan: number;
  kind: 'tiers' | 'proportional';
  capYuan?: number | null;
}

function AllocationModal({ round, open, onClose }: { round: RoundDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useFormSubmit<AllocationValues, RoundDto>({
    fields: ['poolFen'],
    mutationFn: (v) => {
      const capFen = v.capYuan ? Math.round(v.capYuan * 100) : null;
      return indicatorsApi.allocate(round.id, {
        poolFen: Math.round(v.poolYuan * 100),
        rule:
          v.kind === 'tiers'
            ? { kind: 'tiers', weights: { excellent: 3, good: 2, pass: 1, fail: 0 }, capFen }
            : { kind: 'proportional', capFen },
      });
    },
    successMessage: t('indicators.allocation.saved'),
    onSuccess: (data) => {
      queryClient.setQueryData(indicatorsKeys.round(round.id), data);
      onClose();
    },
  });
  return (
    <FormModal title={t('indicators.allocation.title')} open={open} onClose={onClose} save={save}>
      <Form
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={{ kind: 'tiers', poolYuan: round.poolFen ? round.poolFen / 100 : undefined }}
      >
        <Form.Item name="poolFen" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name="poolYuan"
          label={t('indicators.allocation.pool')}
          rules={[{ required: true, message: t('indicators.report.required') }]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('indicators.allocation.rule')}>
          <Radio.Group
            options={[
              { value: 'tiers', label: t('indicators.allocation.tiers') },
              { value: 'proportional', label: t('indicators.allocation.proportional') },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        <Form.Item name="capYuan" label={t('indicators.allocation.cap')}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface RoundValues {
  name: string;
  period: string;
  dates: [Dayjs, Dayjs];
  unitCodes: string[];
  assessors?: string[];
}

/** 新建考核: the P1.5(3) template over chosen child regions of the scope, in a period, by named assessors. */
function RoundCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (round: RoundDto) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const children = useQuery({
    queryKey: indicatorsKeys.children(session.scope.code),
    queryFn: () => indicatorsApi.children(session.scope.code),
    enabled: open,
  });
  const save = useFormSubmit<RoundValues, RoundDto>({
    fields: ['name', 'period', 'dates', 'unitCodes', 'assessors'],
    mutationFn: (v) =>
      indicatorsApi.createRound({
        templateCode: 'p1.5-five-aspects',
        name: v.name,
        regionCode: session.scope.code,
        period: v.period,
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        unitCodes: v.unitCodes,
        assessors: v.assessors ?? [],
      }),
    successMessage: t('indicators.round.created'),
    invalidate: indicatorsKeys.rounds,
    onSuccess: (round) => {
      onCreated(round);
      onClose();
    },
  });
  const required = [{ required: true, message: t('indicators.report.required') }];
  return (
    <FormModal title={t('indicators.round.create')} open={open} onClose={onClose} save={save} width={640}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ period: currentPeriod() }}>
        <Form.Item name="name" label={t('indicators.round.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="period" label={t('indicators.period')} rules={required}>
          <Select options={recentPeriods(6).map((p) => ({ value: p, label: p }))} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('indicators.round.dates')} rules={required}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="unitCodes" label={t('indicators.round.units')} rules={required}>
          <Select
            mode="multiple"
            loading={children.isPending}
            options={(children.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="assessors" label={t('indicators.round.assessors')} extra={t('indicators.round.assessorsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
