/** Console texts of the `indicators` module, merged into app/i18n/zh-CN.ts. */
export const indicatorsMessages = {
} as const;
