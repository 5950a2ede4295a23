import { FilePdfOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import { Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { UploadButton } from '../../../app/files/upload-button.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalKeys } from '../api.ts';

/** 服务合同文件: the signed contract (PDF or photo) kept with the roster entry; managers upload. */
export function ContractFiles({ advisorId, files, canUpload }: { advisorId: string; files: AttachmentDto[]; canUpload: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <Space orientation="vertical" size={4} data-testid="contract-files">
      {files.length === 0 && <Typography.Text type="secondary">{t('legal.advisor.noContractFile')}</Typography.Text>}
      {files.map((f) => (
        <a key={f.id} href={`/api/legal/advisors/${advisorId}/contract-files/${f.id}`} target="_blank" rel="noreferrer">
          <FilePdfOutlined /> {f.fileName}
        </a>
      ))}
      {canUpload && (
        <UploadButton
          url={`/api/legal/advisors/${advisorId}/contract-files`}
          label={t('legal.advisor.uploadContract')}
          doneMessage={t('legal.advisor.contractUploaded')}
          onUploaded={() => void queryClient.invalidateQueries({ queryKey: legalKeys.all })}
        />
      )}
    </Space>
  );
}
