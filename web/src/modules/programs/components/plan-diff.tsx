import { Card, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ApplicationDto } from '@rg/domain/programs/application.schema';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { programKeys, programsApi } from '../api.ts';
import { useProgramsLabels } from '../labels.ts';

/** 版本对比: what the applicant changed between two plan versions, section by section. */
export function PlanDiff({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  const { planSection } = useProgramsLabels();
  const versions = application.versions.map((v) => v.version);
  const latest = versions[versions.length - 1] ?? 1;
  const [range, setRange] = useState<{ from: number; to: number }>({ from: Math.max(1, latest - 1), to: latest });
  const enabled = versions.length > 1;
  const diff = useQuery({
    queryKey: programKeys.diff(application.id, range.from, range.to),
    queryFn: () => programsApi.diff(application.id, range.from, range.to),
    enabled,
  });
  const options = versions.map((v) => ({ value: v, label: `V${v}` }));

  return (
    <Card
      title={t('programs.diff.title')}
      size="small"
      data-testid="plan-diff"
      extra={
        enabled && (
          <Space>
            <Select
              size="small"
              value={range.from}
              options={options}
              onChange={(from: number) => setRange({ ...range, from })}
              style={{ width: 70 }}
            />
            →
            <Select
              size="small"
              value={range.to}
              options={options}
              onChange={(to: number) => setRange({ ...range, to })}
              style={{ width: 70 }}
            />
          </Space>
        )
      }
    >
      {!enabled ? (
        <Empty description={t('programs.diff.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : diff.isPending ? (
        <Skeleton active />
      ) : diff.error ? (
        <LoadError error={diff.error} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('programs.diff.show', { from: range.from, to: range.to })}</Typography.Text>
          {diff.data.sections.map((s) => (
            <div key={s.section} data-testid={`diff-${s.section}`}>
              <Typography.Text strong>{planSection[s.section]}</Typography.Text> {!s.changed && <Tag>{t('programs.diff.unchanged')}</Tag>}
              {s.changed && (
                <div style={{ whiteSpace: 'pre-wrap', padding: '4px 8px', background: '#fafafa', borderRadius: 4, lineHeight: 1.8 }}>
                  {s.parts.map((p, i) =>
                    p.added ? (
                      <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
                        {p.value}
                      </ins>
                    ) : p.removed ? (
                      <del key={i} style={{ background: '#ffccc7' }}>
                        {p.value}
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </div>
              )}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
