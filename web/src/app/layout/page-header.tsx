import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page, with its main actions on the right. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
