import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { AttachmentList } from '../../../app/files/attachment-list.tsx';
import { UploadButton } from '../../../app/files/upload-button.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { caseFileUrl, caseFilesUrl, mediationKeys } from '../api.ts';

/** 案件附件: the signed agreement, photos and evidence; those who handle the case add files (never remove them). */
export function CaseAttachments({ dto }: { dto: CaseDto }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('mediation.case.attachments')}
        </Typography.Title>
        {dto.abilities.handle && (
          <UploadButton
            url={caseFilesUrl(dto.id)}
            label={t('mediation.case.upload')}
            doneMessage={t('mediation.case.uploaded')}
            onUploaded={() => void queryClient.invalidateQueries({ queryKey: mediationKeys.case(dto.id) })}
            testId="case-upload"
          />
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('mediation.case.uploadHint')}
      </Typography.Text>
      <AttachmentList
        attachments={dto.attachments}
        urlOf={(fileId) => caseFileUrl(dto.id, fileId)}
        emptyText={t('mediation.case.noAttachments')}
        testId="case-attachments"
      />
    </>
  );
}
