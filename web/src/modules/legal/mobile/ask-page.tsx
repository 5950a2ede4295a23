import { PictureOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { askQuestion, fetchMyQuestions, legalMobileKeys, uploadQuestionPicture } from '../api.mobile.ts';
import { QuestionCard } from './question-card.tsx';

/** /m/legal/ask: a villager asks the village's legal advisor (网络窗口, P1.4(1)) and reads the answers. */
export function AskPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState('');
  const { errorMessage } = useErrorMessages();
  const [picture, setPicture] = useState<UploadFile[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const mine = useQuery({ queryKey: legalMobileKeys.mine(), queryFn: fetchMyQuestions });
  const ask = useMutation({
    mutationFn: async () => {
      const asked = await askQuestion(question, key);
      const file = picture[0]?.originFileObj;
      if (file) await uploadQuestionPicture(asked.id, file);
      return asked;
    },
    onSuccess: () => {
      void message.success(t('legal.m.ask.sent'));
      setQuestion('');
      setPicture([]);
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: legalMobileKeys.mine() });
    },
  });

  return (
    <MobilePage title={t('legal.m.ask.title')} testId="legal-ask">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 16 }}>{t('legal.m.ask.intro')}</Typography.Paragraph>
        <ErrorAlert message={ask.isError ? errorMessage(ask.error) : null} />
        <Flex vertical gap={10}>
          <Input.TextArea
            rows={4}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            maxLength={1000}
            aria-label={t('legal.m.ask.question')}
            placeholder={t('legal.m.ask.placeholder')}
            style={{ fontSize: 17 }}
          />
          <Upload
            accept="image/jpeg,image/png"
            listType="picture"
            maxCount={1}
            fileList={picture}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPicture(fileList)}
          >
            <Button size="large" icon={<PictureOutlined />}>
              {t('legal.m.ask.picture')}
            </Button>
          </Upload>
          <Button
            type="primary"
            size="large"
            block
            loading={ask.isPending}
            disabled={question.trim().length < 5}
            onClick={() => ask.mutate()}
            style={{ height: 52, fontSize: 18 }}
          >
            {t('legal.m.ask.submit')}
          </Button>
        </Flex>
      </Card>
      <Typography.Title level={5}>{t('legal.m.ask.mine')}</Typography.Title>
      {mine.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
      {mine.data?.items.length === 0 && <Empty description={t('legal.m.ask.empty')} />}
      <Flex vertical gap={10}>
        {mine.data?.items.map((q) => (
          <QuestionCard key={q.id} question={q}>
            {!q.answer && (
              <Typography.Text type="warning">{q.advisorName ? t('legal.m.ask.waiting') : t('legal.m.ask.noAdvisor')}</Typography.Text>
            )}
          </QuestionCard>
        ))}
      </Flex>
    </MobilePage>
  );
}
