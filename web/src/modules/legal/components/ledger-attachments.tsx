import { FileOutlined } from '@ant-design/icons';
import { Empty, Image, Space, Typography } from 'antd';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { attachmentUrl } from '../api.reports.ts';
import { formatTime } from './ledger-labels.tsx';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A record's files: pictures as thumbnails (click to enlarge), other files as links that open in a new tab. */
export function LedgerAttachments({ serviceId, attachments }: { serviceId: string; attachments: AttachmentDto[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.ledger.noAttachments')} />;
  const pictures = attachments.filter((file) => file.contentType.startsWith('image/'));
  const others = attachments.filter((file) => !file.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="ledger-attachments">
      {pictures.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {pictures.map((file) => (
              <Image
                key={file.id}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                src={attachmentUrl(serviceId, file.id)}
                alt={file.fileName}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <Space orientation="vertical" size={4}>
          {others.map((file) => (
            <Space key={file.id}>
              <FileOutlined />
              <Typography.Link href={attachmentUrl(serviceId, file.id)} target="_blank" rel="noopener">
                {file.fileName}
              </Typography.Link>
              <Typography.Text type="secondary">
                {size(file.size)} · {formatTime(file.uploadedAt)}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      )}
    </Space>
  );
}
