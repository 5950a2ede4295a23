/** Console texts of the legal module's mobile pages (ledger era), merged into app/i18n/zh-CN.ts. */
export const legalMobileMessages = {
} as const;
