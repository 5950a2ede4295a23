import { FileOutlined } from '@ant-design/icons';
import { Empty, Image, Space, Typography } from 'antd';
import type { AttachmentDto } from '@rg/domain/files/attachment';
import dayjs from 'dayjs';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A record's files: pictures as thumbnails (click to enlarge), other files as links that open in a new tab. */
export function AttachmentList({
  attachments,
  urlOf,
  emptyText,
  testId,
}: {
  attachments: AttachmentDto[];
  urlOf: (fileId: string) => string;
  emptyText: string;
  testId: string;
}) {
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const pictures = attachments.filter((file) => file.contentType.startsWith('image/'));
  const others = attachments.filter((file) => !file.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={testId}>
      {pictures.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {pictures.map((file) => (
              <Image
                key={file.id}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                src={urlOf(file.id)}
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
              <Typography.Link href={urlOf(file.id)} target="_blank" rel="noopener">
                {file.fileName}
              </Typography.Link>
              <Typography.Text type="secondary">
                {size(file.size)} · {dayjs(file.uploadedAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      )}
    </Space>
  );
}
