import { DownloadOutlined, FileExcelOutlined, FileWordOutlined, FileZipOutlined } from '@ant-design/icons';
import { Button, DatePicker, Divider, Form, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { dossierBatchUrl, dossierUrl } from '../api.reports.ts';

/** Downloads go through the browser (GET with the session cookie), as 导出 Excel does for the uncovered list. */
function download(url: string): void {
  window.location.href = url;
}

/**
 * 下载台账/档案: one village's 一村一卷 (.docx) or ledger (.xlsx) for a year, or every village of the
 * region being looked at in one .zip.
 */
export function DossierDownloads({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<Dayjs>(dayjs());
  const [village, setVillage] = useState<string | undefined>();

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="dossier-button">
        {t('legal.dossier.button')}
      </Button>
      <Modal
        title={t('legal.dossier.title')}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={560}
        data-testid="dossier-modal"
      >
        <Form layout="vertical" style={{ marginTop: 16 }}>
          <Form.Item label={t('legal.dossier.year')}>
            <DatePicker
              picker="year"
              allowClear={false}
              value={year}
              onChange={(next) => {
                if (next) setYear(next);
              }}
              disabledDate={(day) => day.isAfter(dayjs(), 'year')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('legal.dossier.villageSection')}
          </Divider>
          <Form.Item label={t('legal.dossier.village')}>
            <RegionPicker
              browse
              allowClear
              maxLevel="village"
              value={village}
              onChange={(code) => setVillage(code)}
              placeholder={t('legal.dossier.villagePlaceholder')}
              testId="dossier-village-picker"
            />
          </Form.Item>
          <Space wrap>
            <Button
              icon={<FileWordOutlined />}
              disabled={!village}
              onClick={() => village && download(dossierUrl(village, 'docx', year.year()))}
            >
              {t('legal.dossier.docx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!village}
              onClick={() => village && download(dossierUrl(village, 'xlsx', year.year()))}
            >
              {t('legal.dossier.xlsx')}
            </Button>
            {!village && <Typography.Text type="secondary">{t('legal.dossier.pickVillage')}</Typography.Text>}
          </Space>
          <Divider titlePlacement="start" plain>
            {t('legal.dossier.regionSection', { region: regionName })}
          </Divider>
          <Typography.Paragraph type="secondary">{t('legal.dossier.zipHint')}</Typography.Paragraph>
          <Button type="primary" icon={<FileZipOutlined />} onClick={() => download(dossierBatchUrl(regionCode, year.year()))}>
            {t('legal.dossier.zip')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
