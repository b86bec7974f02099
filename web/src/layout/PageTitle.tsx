import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's Chinese heading with its actions beside it (wrapping below on phones). */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
