import { Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { ServiceVersionDto } from '@rg/domain/legal/service.schema';
import type { ReactNode } from 'react';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { formatTime, subjectKindLabel, typeLabel } from './ledger-labels.tsx';

type Fields = ServiceVersionDto['fields'];
type FieldKey = keyof Fields;

const FIELD_ORDER: FieldKey[] = [
  'servedAt',
  'serviceType',
  'subjectKind',
  'subjectName',
  'content',
  'result',
  'durationMinutes',
  'attendance',
];

const FIELD_LABELS: Record<FieldKey, Parameters<I18n['t']>[0]> = {
  servedAt: 'legal.ledger.servedAt',
  serviceType: 'legal.ledger.type',
  subjectKind: 'legal.ledger.subjectKind',
  subjectName: 'legal.ledger.subject',
  content: 'legal.ledger.content',
  result: 'legal.ledger.result',
  durationMinutes: 'legal.ledger.duration',
  attendance: 'legal.ledger.attendance',
};

/** A field's value as the reader sees it, so that a change of time zone notation does not look like an edit. */
function show(t: I18n['t'], fields: Fields, key: FieldKey): string {
  switch (key) {
    case 'servedAt':
      return formatTime(fields.servedAt);
    case 'serviceType':
      return typeLabel(t, fields.serviceType);
    case 'subjectKind':
      return subjectKindLabel(t, fields.subjectKind);
    case 'durationMinutes':
      return t('legal.ledger.minutes', { count: fields.durationMinutes });
    case 'attendance':
      return fields.attendance === undefined ? '—' : t('legal.ledger.people', { count: fields.attendance });
    default:
      return fields[key] || '—';
  }
}

function changedKeys(t: I18n['t'], version: ServiceVersionDto, previous: ServiceVersionDto | undefined): FieldKey[] {
  if (!previous) return [];
  return FIELD_ORDER.filter((key) => show(t, version.fields, key) !== show(t, previous.fields, key));
}

function VersionFields({ version, previous }: { version: ServiceVersionDto; previous: ServiceVersionDto | undefined }) {
  const { t } = useI18n();
  const changed = new Set(changedKeys(t, version, previous));
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 110 } }}
      items={FIELD_ORDER.map((key) => {
        const isChanged = changed.has(key);
        const value: ReactNode =
          isChanged && previous ? (
            <>
              <Typography.Text mark>{show(t, version.fields, key)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" delete>
                {t('legal.ledger.changedFrom', { value: show(t, previous.fields, key) })}
              </Typography.Text>
            </>
          ) : (
            <span style={{ whiteSpace: 'pre-wrap' }}>{show(t, version.fields, key)}</span>
          );
        return { key, label: t(FIELD_LABELS[key]), children: value };
      })}
    />
  );
}

/**
 * 修改记录: every version newest first, each saying who saved it, when and why; the fields that
 * differ from the version before are marked with the old value beside them, so an edit after a
 * return can be checked without comparing by eye.
 */
export function LedgerVersions({ versions }: { versions: ServiceVersionDto[] }) {
  const { t } = useI18n();
  if (versions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.ledger.noVersions')} />;
  return (
    <Collapse
      size="small"
      defaultActiveKey={[String(versions[0]?.version ?? '')]}
      data-testid="ledger-versions"
      items={versions.map((version, index) => {
        const previous = versions[index + 1];
        const changed = changedKeys(t, version, previous);
        return {
          key: String(version.version),
          label: (
            <Space size={8} wrap>
              <Typography.Text strong>{t('legal.ledger.versionTitle', { version: version.version })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('legal.ledger.versionBy', { name: version.editedBy || '—', time: formatTime(version.editedAt) })}
              </Typography.Text>
              {!previous ? (
                <Tag>{t('legal.ledger.versionFirst')}</Tag>
              ) : changed.length === 0 ? (
                <Tag>{t('legal.ledger.versionUnchanged')}</Tag>
              ) : (
                changed.map((key) => (
                  <Tag key={key} color="gold">
                    {t(FIELD_LABELS[key])}
                  </Tag>
                ))
              )}
              {version.reason && <Typography.Text>{t('legal.ledger.versionReason', { reason: version.reason })}</Typography.Text>}
            </Space>
          ),
          children: <VersionFields version={version} previous={previous} />,
        };
      })}
    />
  );
}
