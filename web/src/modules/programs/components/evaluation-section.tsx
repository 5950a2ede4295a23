import { App, Button, Card, Descriptions, Empty, Input, InputNumber, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EVALUATION_KINDS, type DesignationDetailDto, type EvaluationKind, type TemplateDto } from '@rg/domain/programs/evaluation.schema';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { programKeys, programsApi } from '../api.ts';

function ScoreForm({ designationId, template }: { designationId: string; template: TemplateDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<EvaluationKind>('performance');
  const [scores, setScores] = useState<Record<string, { score?: number; evidence: string }>>({});
  const { errorMessage, fieldErrors } = useErrorMessages();
  const [error, setError] = useState<unknown>(null);
  const submit = useMutation({
    mutationFn: () =>
      programsApi.evaluate(designationId, {
        kind,
        scores: template.criteria
          .filter((c) => scores[c.key]?.score !== undefined)
          .map((c) => ({ key: c.key, score: scores[c.key]?.score ?? 0, evidence: scores[c.key]?.evidence ?? '' })),
      }),
    onSuccess: () => {
      setError(null);
      setScores({});
      void message.success(t('programs.eval.done'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (e) => setError(e),
  });
  const fields = fieldErrors(error);
  const set = (key: string, patch: Partial<{ score?: number; evidence: string }>) =>
    setScores({ ...scores, [key]: { evidence: '', ...scores[key], ...patch } });
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="score-form">
      <ErrorAlert message={error === null ? null : errorMessage(error)} testId="score-error" />
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as EvaluationKind)}
        options={EVALUATION_KINDS.map((k) => ({ value: k, label: t(`programs.eval.kind.${k}`) }))}
      />
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={template.criteria}
        columns={[
          { title: t('programs.eval.criterion'), dataIndex: 'name' },
          { title: t('programs.eval.weight'), dataIndex: 'weight', width: 70 },
          {
            title: t('programs.eval.score'),
            width: 140,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <InputNumber
                  min={0}
                  max={100}
                  aria-label={`${c.name}${t('programs.eval.score')}`}
                  value={scores[c.key]?.score}
                  onChange={(v) => set(c.key, { score: v ?? undefined })}
                />
                {fields[`scores.${c.key}`] && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {fields[`scores.${c.key}`]}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('programs.eval.evidence'),
            render: (_, c) => (
              <Input
                size="small"
                value={scores[c.key]?.evidence ?? ''}
                onChange={(e) => set(c.key, { evidence: e.target.value })}
                maxLength={500}
              />
            ),
          },
        ]}
      />
      <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
        {t('programs.eval.submit')}
      </Button>
    </Space>
  );
}

/** 绩效评价与考核验收: the template, the inspector's scoring form, and every result with pass/fail and honour. */
export function EvaluationSection({ designationId, detail }: { designationId: string; detail: DesignationDetailDto }) {
  const { t } = useI18n();
  const template = detail.template;
  return (
    <Card title={t('programs.eval.title')} size="small" data-testid="evaluation-section">
      {template ? (
        <Typography.Paragraph type="secondary">
          {t('programs.eval.template')}
          {t('common.colon')}
          {template.criteria.map((c) => `${c.name}${t('common.parenthesised', { text: c.weight })}`).join(t('common.listSeparator'))}
          {t('common.semicolon')}
          {t('programs.eval.passMark', { mark: template.passMark })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('programs.eval.noTemplate')}</Typography.Paragraph>
      )}
      {detail.abilities.evaluate && template && <ScoreForm designationId={designationId} template={template} />}
      {detail.evaluations.length === 0 ? (
        <Empty description={t('programs.eval.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={detail.evaluations}
          renderItem={(e) => (
            <List.Item key={e.id}>
              <Descriptions
                size="small"
                column={1}
                title={
                  <Space>
                    {t(`programs.eval.kind.${e.kind}`)}
                    <Tag color={e.passed ? 'success' : 'error'}>{e.passed ? t('programs.eval.passed') : t('programs.eval.failed')}</Tag>
                    <Typography.Text>{t('programs.eval.total', { total: e.total })}</Typography.Text>
                    {e.honourTitle && <Tag color="gold">{t('programs.eval.honour', { title: e.honourTitle })}</Tag>}
                  </Space>
                }
              >
                <Descriptions.Item label={e.evaluatorName}>{e.evaluatedOn}</Descriptions.Item>
                <Descriptions.Item label={t('programs.eval.criterion')}>
                  {e.scores.map((s) => `${s.name} ${s.score}`).join(t('common.semicolon'))}
                </Descriptions.Item>
              </Descriptions>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
