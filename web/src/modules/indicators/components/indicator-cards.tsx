import { Card, Col, Row, Space, Typography } from 'antd';
import type { ScorecardIndicator } from '@rg/domain/indicators/indicators.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useIndicatorTexts } from '../labels.ts';
import { formatValue } from '../api.ts';
import { StatusTag } from './status-tag.tsx';

/** One card per indicator: the value now, its target and where the region stands. */
export function IndicatorCards({
  indicators,
  selected,
  onSelect,
}: {
  indicators: ScorecardIndicator[];
  selected: string;
  onSelect: (code: string) => void;
}) {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  return (
    <Row gutter={[12, 12]} data-testid="indicator-cards">
      {indicators.map((i) => (
        <Col key={i.code} xs={24} sm={12} lg={8} xxl={6}>
          <Card
            size="small"
            hoverable
            onClick={() => onSelect(i.code)}
            data-testid={`indicator-${i.code}`}
            style={{ borderColor: selected === i.code ? '#1677ff' : undefined, height: '100%' }}
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary" ellipsis={{ tooltip: texts.definition(i) }}>
                {texts.name(i)}
              </Typography.Text>
              <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong style={{ fontSize: 24 }} data-testid="indicator-value">
                  {formatValue(i.unit, i.value)}
                </Typography.Text>
                {i.target && <StatusTag status={i.status} />}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.target
                  ? t('indicators.target', {
                      comparison: t(`indicators.comparison.${i.target.comparison}`),
                      value: formatValue(i.unit, i.target.value),
                    })
                  : t('indicators.target.none')}
                {i.unit === 'percent' && i.den > 0 ? ` · ${i.num} / ${i.den}` : ''}
                {` · ${t(`indicators.kind.${i.kind}`)}`}
              </Typography.Text>
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
