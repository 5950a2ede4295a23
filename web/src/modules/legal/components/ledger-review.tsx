import { App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceDetailDto } from '@rg/domain/legal/service.schema';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalKeys } from '../api.ts';
import { legalReportsApi } from '../api.reports.ts';

interface ReturnValues {
  comment: string;
}

/** 退回: the reason is required, it reaches the advisor with the record. */
function ReturnModal({
  service,
  open,
  onClose,
  onDone,
}: {
  service: ServiceDetailDto;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['comment'],
    mutationFn: (values: ReturnValues) =>
      legalReportsApi.returnService(service.id, { version: service.version, comment: values.comment.trim() }),
    successMessage: t('legal.ledger.returned'),
    invalidate: legalKeys.all,
    onSuccess: onDone,
  });
  return (
    <FormModal
      title={t('legal.ledger.returnTitle')}
      open={open}
      onClose={onClose}
      save={save}
      okText={t('legal.ledger.return')}
      width={520}
      testId="ledger-return-modal"
      intro={<p>{t('legal.ledger.returnIntro')}</p>}
    >
      <Form<ReturnValues> form={save.form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('legal.ledger.returnComment')}
          rules={[{ required: true, whitespace: true, message: t('legal.ledger.returnCommentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('legal.ledger.returnCommentPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 通过 / 退回 for holders of the review ability, on a record waiting for review. Both send the
 * version the reviewer saw, so a record edited meanwhile is refused rather than judged unseen.
 */
export function LedgerReview({ service, onDone }: { service: ServiceDetailDto; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const showError = useErrorToast();
  const accept = useMutation({
    mutationFn: () => legalReportsApi.acceptService(service.id, { version: service.version }),
    onSuccess: () => {
      void message.success(t('legal.ledger.accepted'));
      void queryClient.invalidateQueries({ queryKey: legalKeys.all });
      onDone();
    },
    onError: showError,
  });
  if (!service.abilities.review) return null;

  return (
    <>
      <Space>
        <Button danger onClick={() => setReturning(true)} data-testid="ledger-return">
          {t('legal.ledger.return')}
        </Button>
        <Popconfirm
          title={t('legal.ledger.acceptConfirm')}
          onConfirm={() => accept.mutate()}
          okText={t('legal.ledger.accept')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" loading={accept.isPending} data-testid="ledger-accept">
            {t('legal.ledger.accept')}
          </Button>
        </Popconfirm>
      </Space>
      <ReturnModal
        service={service}
        open={returning}
        onClose={() => setReturning(false)}
        onDone={() => {
          setReturning(false);
          onDone();
        }}
      />
    </>
  );
}
