import { LeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * A phone page under /m: a blue title bar with the way back and room for one action, then the
 * content on a light background. Text is large: villagers and advisors read it outdoors.
 */
export function MobilePage({
  title,
  back = '/m',
  extra,
  children,
  testId,
}: {
  title: string;
  back?: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }} data-testid={testId}>
      <Flex
        align="center"
        gap={8}
        style={{ background: '#1677ff', color: '#fff', padding: '12px 12px', position: 'sticky', top: 0, zIndex: 10 }}
      >
        <Button
          type="text"
          size="large"
          aria-label={t('common.back')}
          icon={<LeftOutlined style={{ color: '#fff' }} />}
          onClick={() => void navigate(back)}
        />
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <div style={{ padding: 12, fontSize: 16 }}>{children}</div>
    </Flex>
  );
}
