/** Server message keys of the `programs` module (errors, validation, todo items), merged into i18n/messages.zh-CN.ts. */
export const programsServerMessages: Record<string, string> = {};
