/** Console texts of the `programs` module, merged into app/i18n/zh-CN.ts. */
export const programsMessages = {
} as const;
