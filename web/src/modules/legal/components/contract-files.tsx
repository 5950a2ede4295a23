import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postRaw, withQuery } from '../../../app/api/api-client.ts';
import { errorMessage } from '../../../app/api/api-error.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalKeys } from '../api.ts';

/** 服务合同文件: the signed contract (PDF or photo) kept with the roster entry; managers upload. */
export function ContractFiles({ advisorId, files, canUpload }: { advisorId: string; files: AttachmentDto[]; canUpload: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => postRaw<AttachmentDto>(withQuery(`/api/legal/advisors/${advisorId}/contract-files`, { name: file.name }), file, file.type || 'application/octet-stream'),
    onSuccess: () => {
      void message.success(t('legal.advisor.contractUploaded'));
      void queryClient.invalidateQueries({ queryKey: legalKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Space orientation="vertical" size={4} data-testid="contract-files">
      {files.length === 0 && <Typography.Text type="secondary">{t('legal.advisor.noContractFile')}</Typography.Text>}
      {files.map((f) => (
        <a key={f.id} href={`/api/legal/advisors/${advisorId}/contract-files/${f.id}`} target="_blank" rel="noreferrer">
          <FilePdfOutlined /> {f.fileName}
        </a>
      ))}
      {canUpload && (
        <Upload accept="application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>{t('legal.advisor.uploadContract')}</Button>
        </Upload>
      )}
    </Space>
  );
}
