import { Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ApplicationDto } from '@rg/domain/programs/application.schema';
import { AttachmentList } from '../../../app/files/attachment-list.tsx';
import { UploadButton } from '../../../app/files/upload-button.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { applicationFileUrl, applicationUploadUrl, programKeys } from '../api.ts';

/**
 * The files of one 附件类别 of an application (a required attachment, a condition's evidence, or
 * other), with the shared upload button while the draft is editable; the kind goes with the upload.
 */
export function ApplicationFiles({
  application,
  kind,
  editable,
  testId,
}: {
  application: ApplicationDto;
  kind: string;
  editable: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const files = application.attachments.filter((a) => a.kind === kind);
  return (
    <Space orientation="vertical" size={4} style={{ display: 'flex', marginTop: 4 }} data-testid={testId}>
      {files.length > 0 && (
        <AttachmentList
          attachments={files}
          urlOf={(fileId) => applicationFileUrl(application.id, fileId)}
          emptyText={t('programs.app.noFile')}
          testId={`${testId}-files`}
        />
      )}
      {files.length === 0 && !editable && <Typography.Text type="secondary">{t('programs.app.noFile')}</Typography.Text>}
      {editable && (
        <Space>
          <UploadButton
            url={applicationUploadUrl(application.id, kind)}
            label={t('programs.app.upload')}
            doneMessage={t('programs.app.uploaded')}
            onUploaded={() => void queryClient.invalidateQueries({ queryKey: programKeys.application(application.id) })}
            testId={`${testId}-upload`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('programs.app.uploadHint')}
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}
