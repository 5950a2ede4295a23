import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgramDetailDto, QuotaDto } from '@rg/domain/programs/program.schema';
import { errorMessage } from '../../../app/api/api-error.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { fileToBase64, programKeys, programsApi } from '../api.ts';

/** 名额: per region, the cap, the suggested figure and how many units it has forwarded. */
export function QuotaTable({ program }: { program: ProgramDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => programsApi.importQuotas(program.id, { filename: file.name, contentBase64: await fileToBase64(file) }),
    onSuccess: (result) => {
      void message.success(t('programs.quota.imported'));
      if (result.skipped.length > 0) void message.warning(t('programs.quota.skipped', { codes: result.skipped.join('、') }));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <>
      {program.abilities.manage && program.quotaLevel && (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginBottom: 12 }}>{t('programs.quota.import')}</Button>
        </Upload>
      )}
      <Table<QuotaDto>
        size="small"
        rowKey="regionCode"
        dataSource={program.quotas}
        pagination={false}
        data-testid="quota-table"
        locale={{ emptyText: <Empty description={t('programs.quota.empty')} /> }}
        columns={[
          { title: t('programs.quota.region'), dataIndex: 'regionName' },
          { title: t('programs.quota.suggested'), dataIndex: 'suggested', render: (v: number | null) => v ?? '—' },
          { title: t('programs.quota.max'), dataIndex: 'maxUnits' },
          { title: t('programs.quota.used'), dataIndex: 'used' },
        ]}
      />
    </>
  );
}
