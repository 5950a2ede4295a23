/** Console texts of the legal module's console pages (ledger era), merged into app/i18n/zh-CN.ts. */
export const legalConsoleMessages = {
} as const;
