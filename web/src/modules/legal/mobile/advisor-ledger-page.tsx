import { EditOutlined, MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api/api-error.ts';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { fetchMe, fetchMyServices, fetchQuestions, legalMobileKeys } from '../api.mobile.ts';
import { localDateTime } from './local-time.ts';
import { StatusTag } from './status-tag.tsx';

/** /m/legal: the advisor's own ledger on the phone — who they serve, 记一笔, and their recent records. */
export function AdvisorLedgerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useQuery({ queryKey: legalMobileKeys.me(), queryFn: fetchMe, retry: false });
  const services = useQuery({ queryKey: legalMobileKeys.services(), queryFn: fetchMyServices, enabled: me.isSuccess });
  const open = useQuery({ queryKey: legalMobileKeys.questions('open'), queryFn: () => fetchQuestions('open'), enabled: me.isSuccess });
  const { errorMessage } = useErrorMessages();

  if (me.isError) {
    const notLinked = me.error instanceof ApiError && me.error.status === 403;
    return (
      <MobilePage title={t('legal.m.ledger.title')}>
        <Alert type="warning" showIcon title={notLinked ? t('legal.m.ledger.notLinked') : errorMessage(me.error)} />
      </MobilePage>
    );
  }
  if (!me.data)
    return (
      <MobilePage title={t('legal.m.ledger.title')}>
        <Spin size="large" style={{ display: 'block', margin: 48 }} />
      </MobilePage>
    );

  return (
    <MobilePage title={t('legal.m.ledger.title')} testId="advisor-ledger">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text style={{ fontSize: 17 }}>
          {t('legal.m.ledger.hello', { name: me.data.name, count: me.data.villages.length })}
        </Typography.Text>
        <Flex wrap gap={6} style={{ marginTop: 8 }}>
          {me.data.villages.length === 0 ? (
            <Typography.Text type="secondary">{t('legal.m.ledger.noVillages')}</Typography.Text>
          ) : (
            me.data.villages.map((v) => (
              <Tag key={v.code} color="blue" style={{ fontSize: 14 }}>
                {v.name}
              </Tag>
            ))
          )}
        </Flex>
      </Card>
      <Button
        type="primary"
        size="large"
        block
        icon={<PlusOutlined />}
        disabled={me.data.villages.length === 0}
        onClick={() => void navigate('/m/legal/new')}
        style={{ height: 52, fontSize: 18, marginBottom: 12 }}
      >
        {t('legal.m.ledger.record')}
      </Button>
      {(open.data?.total ?? 0) > 0 && (
        <Link to="/m/legal/questions">
          <Alert
            type="info"
            showIcon
            icon={<MessageOutlined />}
            title={t('legal.m.ledger.questions', { count: open.data?.total ?? 0 })}
            style={{ marginBottom: 12, fontSize: 16 }}
          />
        </Link>
      )}
      <Typography.Title level={5}>{t('legal.m.ledger.recent')}</Typography.Title>
      {services.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
      {services.data?.items.length === 0 && <Empty description={t('legal.m.ledger.empty')} />}
      <Flex vertical gap={10}>
        {services.data?.items.map((s) => (
          <Card key={s.id} size="small" hoverable onClick={() => void navigate(`/m/legal/${s.id}`)} data-testid="advisor-service">
            <Flex justify="space-between" align="center">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t(`legal.serviceType.${s.serviceType}`)}
              </Typography.Text>
              <StatusTag status={s.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {localDateTime(s.servedAt)} · {s.villagePath} · {t(`legal.window.${s.window}`)}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0', fontSize: 15 }}>
              {s.content}
            </Typography.Paragraph>
            {s.status === 'returned' && (
              <Typography.Text type="danger">
                <EditOutlined /> {t('legal.m.ledger.returnedBecause', { comment: s.reviewComment ?? '' })}
              </Typography.Text>
            )}
          </Card>
        ))}
      </Flex>
    </MobilePage>
  );
}
