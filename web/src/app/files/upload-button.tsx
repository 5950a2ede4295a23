import { UploadOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@rg/domain/files/attachment';
import { App, Button, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { uploadFile } from '../api/api-client.ts';
import { useErrorToast } from '../api/use-error-messages.ts';

/** The kinds of file the server keeps (it checks the bytes again): PDF and JPG/PNG pictures. */
const ACCEPT = 'application/pdf,image/jpeg,image/png';

/**
 * Uploads one chosen file as the raw request body to `url` (`?name=` carries its name); the server
 * answers 415 for another kind and 413 past 5 MB, shown as its message.
 */
export function UploadButton({
  url,
  label,
  doneMessage,
  onUploaded,
  icon,
  testId,
}: {
  url: string;
  label: string;
  doneMessage: string;
  onUploaded: () => void;
  icon?: ReactNode;
  testId?: string;
}) {
  const { message } = App.useApp();
  const showError = useErrorToast();
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile<AttachmentDto>(url, file),
    onSuccess: () => {
      void message.success(doneMessage);
      onUploaded();
    },
    onError: showError,
  });
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        upload.mutate(file);
        return false;
      }}
    >
      <Button size="small" icon={icon ?? <UploadOutlined />} loading={upload.isPending} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );
}
