import { Empty, Timeline, Typography } from 'antd';
import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** 调解记录: each session's date, who took part and what was said, oldest first. */
export function CaseSessions({ sessions }: { sessions: CaseDto['sessions'] }) {
  const { t } = useI18n();
  if (sessions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.case.noSessions')} />;
  return (
    <Timeline
      data-testid="case-sessions"
      items={sessions.map((s) => ({ key: s.id, content: <><Typography.Text strong>{s.heldOn}</Typography.Text> {s.participants}<br /><Typography.Text type="secondary">{s.notes}</Typography.Text></> }))}
    />
  );
}
