import { Card, Col, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One figure of a summary row: a red or green value when it needs (no) follow-up, an optional note. */
export interface StatCard {
  key: string;
  title: string;
  value: string;
  color?: string;
  note?: ReactNode;
}

/** The cards of a summary row, each growing from `basis` px; the caller's `Row` may hold more columns. */
export function StatCardCols({ cards, basis = 160 }: { cards: readonly StatCard[]; basis?: number }) {
  return (
    <>
      {cards.map((card) => (
        <Col key={card.key} flex={`1 1 ${basis}px`}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={card.title} value={card.value} styles={{ content: { color: card.color } }} />
            {card.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {card.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </>
  );
}
