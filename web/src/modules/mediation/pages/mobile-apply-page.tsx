import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseType, MyApplicationDto } from '@rg/domain/mediation/case.schema';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useServerErrors } from '../../../app/forms/use-server-errors.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, STATUS_COLORS, useMediationLabels } from '../labels.ts';

interface Values {
  caseType: CaseType;
  description: string;
  respondentName: string;
  respondentAddress?: string;
  phone: string;
}

const BIG = { fontSize: 16 };

/** /m/mediation: a villager asks the village committee to mediate, from the phone, and sees their requests. */
export function MobileApplyPage() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, ['caseType', 'description', 'respondentName', 'respondentAddress', 'phone']);
  const [done, setDone] = useState<MyApplicationDto | null>(null);
  // One Idempotency-Key per submission, kept across its retries; a new one once it went through (issue 15).
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const mine = useQuery({ queryKey: mediationKeys.mine(), queryFn: () => mediationApi.mine() });
  const apply = useMutation({
    mutationFn: (v: Values) => mediationApi.apply({ ...v, respondentAddress: v.respondentAddress?.trim() || null }, idempotencyKey),
    onSuccess: (result) => {
      setDone(result);
      setIdempotencyKey(crypto.randomUUID());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: mediationKeys.mine() });
    },
    onError: errors.apply,
  });
  const submit = async () => {
    errors.clear();
    const values = await form.validateFields().catch(() => null);
    if (values) apply.mutate(values);
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }} data-testid="mobile-mediation">
      <Flex
        align="center"
        gap={8}
        style={{ background: 'linear-gradient(160deg, #1677ff 0%, #36cfc9 100%)', padding: '16px 12px', color: '#fff' }}
      >
        <Button
          type="text"
          size="large"
          icon={<ArrowLeftOutlined style={{ color: '#fff' }} />}
          onClick={() => navigate('/m')}
          aria-label={t('mediation.mobile.back')}
        />
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('mediation.mobile.title')}
        </Typography.Title>
      </Flex>
      <div style={{ padding: 12 }}>
        <Typography.Paragraph style={{ ...BIG, color: '#555' }}>{t('mediation.mobile.intro')}</Typography.Paragraph>
        {done && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12, ...BIG }}
            title={t('mediation.mobile.submitted', { caseNo: done.caseNo })}
            data-testid="mobile-apply-done"
          />
        )}
        {errors.message && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.message} />}
        <Card>
          <Form<Values> form={form} layout="vertical" size="large" initialValues={{ caseType: 'neighbour' }}>
            <Form.Item name="caseType" label={<span style={BIG}>{t('mediation.mobile.type')}</span>} rules={[{ required: true }]}>
              <Select options={optionsOf(labels.caseType)} aria-label={t('mediation.mobile.type')} />
            </Form.Item>
            <Form.Item
              name="description"
              label={<span style={BIG}>{t('mediation.mobile.description')}</span>}
              rules={[{ required: true, message: t('mediation.mobile.descriptionRequired') }]}
            >
              <Input.TextArea
                rows={4}
                placeholder={t('mediation.mobile.descriptionHint')}
                aria-label={t('mediation.mobile.description')}
                style={BIG}
              />
            </Form.Item>
            <Form.Item
              name="respondentName"
              label={<span style={BIG}>{t('mediation.mobile.respondent')}</span>}
              rules={[{ required: true, message: t('mediation.mobile.respondentRequired') }]}
            >
              <Input aria-label={t('mediation.mobile.respondent')} />
            </Form.Item>
            <Form.Item name="respondentAddress" label={<span style={BIG}>{t('mediation.mobile.respondentAddress')}</span>}>
              <Input aria-label={t('mediation.mobile.respondentAddress')} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={<span style={BIG}>{t('mediation.mobile.phone')}</span>}
              rules={[{ required: true, message: t('mediation.mobile.phoneRequired') }]}
            >
              <Input inputMode="tel" aria-label={t('mediation.mobile.phone')} />
            </Form.Item>
            <Button
              type="primary"
              block
              size="large"
              style={{ height: 48, fontSize: 18 }}
              loading={apply.isPending}
              onClick={() => void submit()}
            >
              {t('mediation.mobile.submit')}
            </Button>
          </Form>
        </Card>
        <Card title={<span style={{ fontSize: 18 }}>{t('mediation.mobile.mine')}</span>} style={{ marginTop: 12 }}>
          {(mine.data?.items.length ?? 0) === 0 ? (
            <Empty description={t('mediation.mobile.none')} />
          ) : (
            <List
              data-testid="mobile-mine"
              dataSource={mine.data?.items ?? []}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Flex justify="space-between">
                        <span style={BIG}>{labels.caseType[a.caseType]}</span>
                        <Tag color={STATUS_COLORS[a.status]}>{labels.status[a.status]}</Tag>
                      </Flex>
                    }
                    description={
                      <>
                        {a.caseNo} · {a.registeredOn}
                        <br />
                        {a.summary}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'center' }}>
          {session.user.regionName}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
