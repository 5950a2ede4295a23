import { Alert } from 'antd';

/** The red alert above a form or a list; renders nothing without a message. */
export function ErrorAlert({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} data-testid={testId} />;
}
