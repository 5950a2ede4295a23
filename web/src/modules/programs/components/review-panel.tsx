import { App, Button, Card, Input, Space, Timeline, Typography, Empty } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDto, ReviewDecision } from '@rg/domain/programs/application.schema';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { programKeys, programsApi } from '../api.ts';

/** 审核: the level where the application waits approves (forwards), returns with comments, or rejects. */
export function ReviewPanel({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const { errorMessage } = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const review = useMutation({
    mutationFn: (decision: ReviewDecision) => programsApi.review(application.id, { decision, comment }),
    onSuccess: () => {
      setError(null);
      setComment('');
      void message.success(t('programs.review.done'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Card title={t('programs.review.title')} size="small" data-testid="review-panel">
      <ErrorAlert message={error} testId="review-error" />
      <Input.TextArea
        rows={3}
        aria-label={t('programs.review.comment')}
        placeholder={t('programs.review.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={1000}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          data-testid="review-approve"
          loading={review.isPending && review.variables === 'approve'}
          onClick={() => review.mutate('approve')}
        >
          {t('programs.review.approve')}
        </Button>
        <Button loading={review.isPending && review.variables === 'return'} onClick={() => review.mutate('return')}>
          {t('programs.review.return')}
        </Button>
        <Button danger loading={review.isPending && review.variables === 'reject'} onClick={() => review.mutate('reject')}>
          {t('programs.review.reject')}
        </Button>
      </Space>
    </Card>
  );
}

const COLOR: Record<ReviewDecision, string> = { approve: 'green', return: 'orange', reject: 'red' };

export function ReviewHistory({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  return (
    <Card title={t('programs.review.history')} size="small" data-testid="review-history">
      {application.reviews.length === 0 ? (
        <Empty description={t('programs.review.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={application.reviews.map((r) => ({
            color: COLOR[r.decision],
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {r.reviewerRegionName} · {t(`programs.review.decision.${r.decision}`)}
                </Typography.Text>
                {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.actorName} · {dayjs(r.at).format('YYYY-MM-DD HH:mm')} · {t('programs.review.onVersion', { version: r.planVersion })}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
