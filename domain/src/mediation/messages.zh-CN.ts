/** Server message keys of the `mediation` module (errors, validation, todo items), merged into i18n/messages.zh-CN.ts. */
export const mediationServerMessages: Record<string, string> = {};
