/** Console texts of the `mediation` module, merged into app/i18n/zh-CN.ts. */
export const mediationMessages = {
} as const;
