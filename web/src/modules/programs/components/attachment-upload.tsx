import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachmentDto } from '@rg/domain/programs/application.schema';
import { errorMessage } from '../../../app/api/api-error.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { fileToBase64, programKeys, programsApi } from '../api.ts';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';

/** The files of one attachment kind, with an upload button while the draft is editable. */
export function AttachmentUpload({ applicationId, kind, files, editable, testId }: { applicationId: string; kind: string; files: AttachmentDto[]; editable: boolean; testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => programsApi.attach(applicationId, { kind, filename: file.name, contentBase64: await fileToBase64(file) }),
    onSuccess: () => {
      void message.success(t('programs.app.uploaded'));
      void queryClient.invalidateQueries({ queryKey: programKeys.application(applicationId) });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Space orientation="vertical" size={2} data-testid={testId}>
      {files.map((f) => (
        <a key={f.id} href={`/api/programs/applications/${applicationId}/attachments/${f.id}`} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.filename}（{Math.max(1, Math.round(f.size / 1024))} KB）
        </a>
      ))}
      {editable && (
        <Space>
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>{t('programs.app.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('programs.app.uploadHint')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
