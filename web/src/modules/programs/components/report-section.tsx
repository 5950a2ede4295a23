import { App, Button, Card, Empty, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DesignationDetailDto, ReportDto, ReportStatus } from '@rg/domain/programs/evaluation.schema';
import { useState } from 'react';
import { useErrorMessages, useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { programKeys, programsApi } from '../api.ts';
import { RichTextEditor } from './rich-text-editor.tsx';
import { SafeHtml } from './safe-html.tsx';

const COLOR: Record<ReportStatus, string> = { submitted: 'processing', accepted: 'success', returned: 'warning' };

function ReportReview({ report }: { report: ReportDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const showError = useErrorToast();
  const review = useMutation({
    mutationFn: (decision: 'accept' | 'return') => programsApi.reviewReport(report.id, { decision, comment }),
    onSuccess: () => {
      void message.success(t('programs.reports.reviewed'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: showError,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        aria-label={t('programs.reports.comment')}
        placeholder={t('programs.reports.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Space>
        <Button type="primary" size="small" onClick={() => review.mutate('accept')}>
          {t('programs.reports.accept')}
        </Button>
        <Button size="small" onClick={() => review.mutate('return')}>
          {t('programs.reports.return')}
        </Button>
      </Space>
    </Space>
  );
}

/** 年度总结: the unit reports yearly; the programme's review level accepts or returns each report. */
export function ReportSection({ designationId, detail }: { designationId: string; detail: DesignationDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { errorMessage } = useErrorMessages();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: () => programsApi.submitReport(designationId, { year, content }),
    onSuccess: () => {
      setError(null);
      setContent('');
      void message.success(t('programs.reports.submitted'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Card title={t('programs.reports.title')} size="small" data-testid="report-section">
      {detail.abilities.report && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <ErrorAlert message={error} testId="report-error" />
          <Space>
            <Typography.Text>{t('programs.reports.year')}</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? year)} aria-label={t('programs.reports.year')} />
          </Space>
          <RichTextEditor ariaLabel={t('programs.reports.content')} value={content} onChange={setContent} />
          <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
            {t('programs.reports.submit')}
          </Button>
        </Space>
      )}
      {detail.reports.length === 0 ? (
        <Empty description={t('programs.reports.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={detail.reports}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  <Typography.Text strong>{r.year}</Typography.Text>
                  <Tag color={COLOR[r.status]}>{t(`programs.reports.status.${r.status}`)}</Tag>
                </Space>
                <SafeHtml html={r.content} />
                {r.reviewComment && (
                  <Typography.Text type="secondary">
                    {t('programs.reports.comment')}
                    {t('common.colon')}
                    {r.reviewComment}
                  </Typography.Text>
                )}
                {r.abilities.reviewReport && <ReportReview report={r} />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
