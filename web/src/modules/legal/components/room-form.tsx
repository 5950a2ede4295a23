import { PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import type { RoomDto, RoomInput } from '@rg/domain/legal/service.schema';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { legalKeys } from '../api.ts';
import { legalReportsApi, noticePagePath } from '../api.reports.ts';

/** 公共法律服务室 of one village: where, when, the hotline; 打印公示牌 opens the printable A4 notice. */
export function RoomForm({ room }: { room: RoomDto }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('legal.manage');
  const save = useFormSubmit({
    fields: ['place', 'hours', 'hotline'],
    mutationFn: (values: RoomInput) =>
      legalReportsApi.saveRoom(room.villageCode, {
        place: values.place.trim(),
        hours: values.hours.trim(),
        hotline: values.hotline.trim(),
      }),
    successMessage: t('legal.room.saved'),
    invalidate: legalKeys.all,
    onSuccess: () => undefined,
  });

  return (
    <div style={{ maxWidth: 640 }} data-testid="room-form">
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ key: 'advisor', label: t('legal.room.advisor'), children: room.advisorName ?? t('legal.room.noAdvisor') }]}
      />
      {!room.configured && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('legal.room.notConfigured')} />}
      <ErrorAlert message={save.errorMessage} testId="form-error" />
      <Form<RoomInput>
        form={save.form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 19 }}
        initialValues={{ place: room.place, hours: room.hours, hotline: room.hotline }}
        disabled={!manage}
        onFinish={() => void save.submit()}
      >
        <Form.Item
          name="place"
          label={t('legal.room.place')}
          rules={[{ required: true, whitespace: true, message: t('legal.room.placeRequired') }]}
        >
          <Input maxLength={100} placeholder={t('legal.room.placePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('legal.room.hours')}
          rules={[{ required: true, whitespace: true, message: t('legal.room.hoursRequired') }]}
        >
          <Input maxLength={100} placeholder={t('legal.room.hoursPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="hotline"
          label={t('legal.room.hotline')}
          rules={[{ required: true, pattern: /^\s*[0-9-]{3,20}\s*$/, message: t('legal.room.hotlineRequired') }]}
        >
          <Input maxLength={20} placeholder={t('legal.room.hotlinePlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5, span: 19 }}>
          <Space>
            {manage && (
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.pending}>
                {t('legal.room.save')}
              </Button>
            )}
            {manage && (
              // The notice is printed from its own page, without the console around it.
              <Button icon={<PrinterOutlined />} href={noticePagePath(room.villageCode)} target="_blank" data-testid="room-print">
                {t('legal.room.print')}
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
    </div>
  );
}
