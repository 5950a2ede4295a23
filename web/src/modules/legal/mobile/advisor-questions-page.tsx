import type { ConsultationDto } from '@rg/domain/legal/service.schema';
import { App, Button, Empty, Flex, Input, Segmented, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { answerQuestion, fetchQuestions, legalMobileKeys } from '../api.mobile.ts';
import { QuestionCard } from './question-card.tsx';

function AnswerBox({ question }: { question: ConsultationDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  // One question is answered once: its retries carry the same Idempotency-Key (issue 15).
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const showError = useErrorToast();
  const send = useMutation({
    mutationFn: () => answerQuestion(question.id, text, idempotencyKey),
    onSuccess: () => {
      void message.success(t('legal.m.questions.sent'));
      void queryClient.invalidateQueries({ queryKey: legalMobileKeys.all });
    },
    onError: showError,
  });
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        placeholder={t('legal.m.questions.answer')}
        aria-label={t('legal.m.questions.answer')}
        style={{ fontSize: 16 }}
      />
      <Button type="primary" size="large" loading={send.isPending} disabled={text.trim() === ''} onClick={() => send.mutate()}>
        {t('legal.m.questions.send')}
      </Button>
    </Flex>
  );
}

/** /m/legal/questions: villagers' questions to the advisor; each answer goes back and into the ledger (网络). */
export function AdvisorQuestionsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const list = useQuery({ queryKey: legalMobileKeys.questions(status), queryFn: () => fetchQuestions(status) });
  return (
    <MobilePage title={t('legal.m.questions.title')} back="/m/legal" testId="advisor-questions">
      <Segmented
        block
        size="large"
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: t('legal.m.questions.open') },
          { value: 'answered', label: t('legal.m.questions.answered') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
      {list.data?.items.length === 0 && (
        <Empty description={status === 'open' ? t('legal.m.questions.empty') : t('legal.m.questions.emptyAnswered')} />
      )}
      <Flex vertical gap={10}>
        {list.data?.items.map((q) => (
          <QuestionCard key={q.id} question={q}>
            {q.abilities.answer && <AnswerBox question={q} />}
          </QuestionCard>
        ))}
      </Flex>
    </MobilePage>
  );
}
