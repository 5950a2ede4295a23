import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorMessages, type ErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import type { AdvisorImportResultDto } from '@rg/domain/legal/advisor.schema';
import { advisorTemplateUrl, importAdvisors, legalKeys } from '../api.ts';

type ErrorRow = AdvisorImportResultDto['errors'][number] & { key: string };

/** A file the server refused (415 not an .xlsx, 400 wrong header or no rows, 413 too large). */
function importFailure(error: unknown, { errorMessage, fieldErrors }: ErrorMessages): string {
  return fieldErrors(error).file ?? errorMessage(error);
}

/** 批量导入: the roster region, the template, the file, then how many went in and which rows did not. */
export function AdvisorImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const errorMessages = useErrorMessages();
  const session = useSession();
  const queryClient = useQueryClient();
  const [regionCode, setRegionCode] = useState<string | undefined>(session.scope.code);
  const [fileName, setFileName] = useState<string | null>(null);

  const upload = useMutation<AdvisorImportResultDto, Error, { regionCode: string; file: File }>({
    mutationFn: ({ regionCode: code, file }) => importAdvisors(code, file),
    onSuccess: (result) => {
      if (result.imported > 0) void queryClient.invalidateQueries({ queryKey: legalKeys.all });
    },
  });

  const close = () => {
    upload.reset();
    setFileName(null);
    onClose();
  };
  const result = upload.data;
  const errorRows: ErrorRow[] = (result?.errors ?? []).map((e, i) => ({ ...e, key: `${e.row}-${e.field}-${i}` }));
  const columns: TableColumnsType<ErrorRow> = [
    { title: t('legal.import.row'), dataIndex: 'row', width: 80 },
    { title: t('legal.import.field'), dataIndex: 'field', width: 160 },
    { title: t('legal.import.reason'), dataIndex: 'message' },
  ];

  return (
    <Modal
      title={t('legal.import.title')}
      open={open}
      onCancel={close}
      destroyOnHidden
      width={720}
      data-testid="advisor-import-modal"
      footer={<Button onClick={close}>{t('legal.import.close')}</Button>}
    >
      <Form layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 19 }} style={{ marginTop: 16 }}>
        <Form.Item label={t('legal.import.region')} htmlFor="advisor-import-region" required extra={t('legal.import.regionHint')}>
          <RegionPicker
            id="advisor-import-region"
            value={regionCode}
            onChange={(code) => setRegionCode(code)}
            browse
            maxLevel="town"
            initialLabel={session.scope.name}
            testId="advisor-import-region-picker"
            disabled={upload.isPending}
          />
        </Form.Item>
        <Form.Item label={t('legal.import.template')}>
          <Typography.Link href={advisorTemplateUrl} download data-testid="advisor-import-template">
            <DownloadOutlined /> {t('legal.import.downloadTemplate')}
          </Typography.Link>
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending || !regionCode}
        beforeUpload={(file) => {
          if (regionCode) {
            setFileName(file.name);
            upload.mutate({ regionCode, file });
          }
          return false;
        }}
        data-testid="advisor-import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {upload.isPending ? t('legal.import.uploading', { name: fileName ?? '' }) : t('legal.import.drop')}
        </p>
        <p className="ant-upload-hint">{t('legal.import.hint')}</p>
      </Upload.Dragger>

      <div style={{ marginTop: 16 }}>
        <ErrorAlert message={upload.isError ? importFailure(upload.error, errorMessages) : null} testId="advisor-import-error" />
        {result && (
          <Flex vertical gap={12} data-testid="advisor-import-result">
            <Alert
              type={result.errors.length === 0 ? 'success' : 'warning'}
              showIcon
              title={t('legal.import.imported', { count: result.imported })}
              description={
                result.errors.length > 0
                  ? t('legal.import.failedRows', { count: new Set(result.errors.map((e) => e.row)).size })
                  : undefined
              }
            />
            {errorRows.length > 0 && (
              <Table<ErrorRow>
                size="small"
                columns={columns}
                dataSource={errorRows}
                pagination={errorRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                data-testid="advisor-import-errors"
              />
            )}
          </Flex>
        )}
      </div>
    </Modal>
  );
}
