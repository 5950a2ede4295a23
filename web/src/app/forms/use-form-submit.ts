import { App, Form, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useServerErrors } from './use-server-errors.ts';

export interface FormSubmitOptions<Values, Result> {
  /** Names of the form's inputs: server field errors for these go on the input, the rest above the form. */
  fields: readonly string[];
  /** Server field names shown on an input of another name (e.g. contractStart → contract). */
  fieldAliases?: Readonly<Record<string, string>>;
  mutationFn: (values: Values) => Promise<Result>;
  /** Shown as a success toast. */
  successMessage: string;
  /** Queries to refetch after success. */
  invalidate?: QueryKey;
  /** Runs after the toast and the invalidation, e.g. closing the modal. */
  onSuccess: (result: Result) => void;
}

export interface FormSubmit<Values> {
  form: FormInstance<Values>;
  /** Clears the last server error, validates, and sends the values if they pass. */
  submit: () => Promise<void>;
  pending: boolean;
  /** Server error no input can show, for the alert above the form. */
  errorMessage: string | null;
}

/** One form saved by one mutation: validate, send, toast, refetch, then `onSuccess`; server errors land on the form. */
export function useFormSubmit<Values, Result = unknown>(options: FormSubmitOptions<Values, Result>): FormSubmit<Values> {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const serverErrors = useServerErrors(form, options.fields, options.fieldAliases);
  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: (result) => {
      void message.success(options.successMessage);
      if (options.invalidate) void queryClient.invalidateQueries({ queryKey: options.invalidate });
      options.onSuccess(result);
    },
    onError: serverErrors.apply,
  });

  const submit = async () => {
    serverErrors.clear();
    const values = await form.validateFields().catch(() => null);
    if (values) mutation.mutate(values);
  };

  return { form, submit, pending: mutation.isPending, errorMessage: serverErrors.message };
}
