import type { ConsultationDto } from '@rg/domain/legal/service.schema';
import { Card, Flex, Image, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { localDateTime } from './local-time.ts';

/** One online question as both sides see it: who asked and when, the text, its picture, the answer. */
export function QuestionCard({ question, children }: { question: ConsultationDto; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="question-card">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {t('legal.m.questions.askedAt', { name: question.askerName, time: localDateTime(question.askedAt) })}
        </Typography.Text>
        {question.overdue && <Tag color="error">{t('legal.m.questions.overdue')}</Tag>}
      </Flex>
      <Typography.Paragraph style={{ fontSize: 17, margin: '8px 0' }}>{question.question}</Typography.Paragraph>
      {question.pictures.map((p) => (
        <Image key={p.id} width={96} src={`/api/legal/consultations/${question.id}/pictures/${p.id}`} alt={p.fileName} />
      ))}
      {question.answer && (
        <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 8, padding: 10, marginTop: 8 }}>
          <Typography.Text strong>{t('legal.m.ask.answer', { advisor: question.advisorName ?? '' })}</Typography.Text>
          <Typography.Paragraph style={{ fontSize: 16, margin: '4px 0 0' }} data-testid="question-answer">
            {question.answer}
          </Typography.Paragraph>
          {question.responseMinutes !== null && (
            <Typography.Text type="secondary">{t('legal.m.questions.responded', { minutes: question.responseMinutes })}</Typography.Text>
          )}
        </div>
      )}
      {children}
    </Card>
  );
}
