import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AttachmentList } from '../../../app/files/attachment-list.tsx';
import { UploadButton } from '../../../app/files/upload-button.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { caseFileUrl, caseFilesUrl, mediationKeys } from '../api.ts';

/** Adds a file to the case (for those who handle it) and refreshes the case. */
export function CaseFileUpload({ dto, label, icon }: { dto: CaseDto; label?: string; icon?: ReactNode }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  if (!dto.abilities.handle) return null;
  return (
    <UploadButton
      url={caseFilesUrl(dto.id)}
      label={label ?? t('mediation.case.upload')}
      icon={icon}
      doneMessage={t('mediation.case.uploaded')}
      onUploaded={() => void queryClient.invalidateQueries({ queryKey: mediationKeys.case(dto.id) })}
      testId="case-upload"
    />
  );
}

/** The case's files: pictures as thumbnails, documents as links. */
export function CaseFileList({ dto }: { dto: CaseDto }) {
  const { t } = useI18n();
  return <AttachmentList attachments={dto.attachments} urlOf={(fileId) => caseFileUrl(dto.id, fileId)} emptyText={t('mediation.case.noAttachments')} testId="case-attachments" />;
}

/** 案件附件: the signed agreement, photos and evidence; those who handle the case add files (never remove them). */
export function CaseAttachments({ dto }: { dto: CaseDto }) {
  const { t } = useI18n();
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>{t('mediation.case.attachments')}</Typography.Title>
        <CaseFileUpload dto={dto} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('mediation.case.uploadHint')}</Typography.Text>
      <CaseFileList dto={dto} />
    </>
  );
}
