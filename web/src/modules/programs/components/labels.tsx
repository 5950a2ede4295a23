import { Tag } from 'antd';
import type { ApplicationStatus } from '@rg/domain/programs/application.schema';
import type { DesignationStatus } from '@rg/domain/programs/designation.schema';
import type { ProgramDto } from '@rg/domain/programs/program.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'success',
  closed: 'default',
};
const DESIGNATION_COLOR: Record<DesignationStatus, string> = { active: 'success', warned: 'warning', revoked: 'default' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`programs.status.${status}`)}</Tag>;
}

/** 已撤销, else whether it takes applications now: 申报中 / 已截止. */
export function ProgramStatusTag({ program }: { program: Pick<ProgramDto, 'status' | 'submissionOpen'> }) {
  const { t } = useI18n();
  if (program.status === 'withdrawn') return <Tag color="red">{t('programs.withdrawn')}</Tag>;
  return program.submissionOpen ? <Tag color="green">{t('programs.open')}</Tag> : <Tag>{t('programs.closed')}</Tag>;
}

export function DesignationStatusTag({ status }: { status: DesignationStatus }) {
  const { t } = useI18n();
  return <Tag color={DESIGNATION_COLOR[status]}>{t(`programs.designation.status.${status}`)}</Tag>;
}

export function programPath(id: string): string {
  return `/programs/${id}`;
}

export function applicationPath(id: string): string {
  return `/programs/applications/${id}`;
}
