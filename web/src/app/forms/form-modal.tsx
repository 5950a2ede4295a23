import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from '../layout/error-alert.tsx';
import type { FormSubmit } from './use-form-submit.ts';

interface FormModalProps {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** What {@link useFormSubmit} returned: OK submits, the server error shows above the form. */
  save: Pick<FormSubmit<unknown>, 'submit' | 'pending' | 'errorMessage'>;
  /** 保存 unless told. */
  okText?: string;
  /** Shown above the error message. */
  intro?: ReactNode;
  width?: number;
  testId?: string;
  children: ReactNode;
}

/** A modal holding one form: OK saves it, Cancel closes, the contents are dropped when hidden. */
export function FormModal({ title, open, onClose, save, okText, intro, width, testId, children }: FormModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void save.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.pending}
      destroyOnHidden
      width={width}
      data-testid={testId}
    >
      {intro}
      <ErrorAlert message={save.errorMessage} testId="form-error" />
      {children}
    </Modal>
  );
}
