/** Server message keys of the `indicators` module (errors, validation, todo items), merged into i18n/messages.zh-CN.ts. */
export const indicatorsServerMessages: Record<string, string> = {};
