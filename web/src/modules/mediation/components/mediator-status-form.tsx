import { Button, Form, Radio, Select } from 'antd';
import type { MediatorDto } from '@rg/domain/mediation/committee.schema';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { mediationApi, mediationKeys } from '../api.ts';

/** 专兼职 and 状态 of one mediator (the staffing rule counts active full-time ones); sent with the version. */
export function MediatorStatusForm({ mediator }: { mediator: MediatorDto }) {
  const { t } = useI18n();
  const save = useFormSubmit<{ employment: string; status: string }, MediatorDto>({
    fields: ['employment', 'status'],
    mutationFn: (v) =>
      mediationApi.updateMediator(mediator.id, {
        version: mediator.version,
        ...(v.employment !== mediator.employment ? { employment: v.employment } : {}),
        ...(v.status !== mediator.status ? { status: v.status } : {}),
      }),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: () => undefined,
  });
  return (
    <>
      <ErrorAlert message={save.errorMessage} />
      <Form
        form={save.form}
        layout="inline"
        initialValues={{ employment: mediator.employment, status: mediator.status }}
        data-testid="mediator-status-form"
      >
        <Form.Item name="employment" label={t('mediation.mediator.employment')}>
          <Radio.Group
            options={[
              { value: 'full_time', label: t('mediation.mediator.fullTime') },
              { value: 'part_time', label: t('mediation.mediator.partTime') },
            ]}
          />
        </Form.Item>
        <Form.Item name="status" label={t('mediation.mediator.status')}>
          <Select
            style={{ width: 90 }}
            options={(['active', 'suspended', 'left'] as const).map((s) => ({ value: s, label: t(`mediation.mediator.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={save.pending} onClick={() => void save.submit()}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
