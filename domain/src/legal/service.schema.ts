/**
 * The legal module's schemas, split by use case (ledger, consultations, norms, compliance, dashboard,
 * rooms); this file keeps the import path the console, the server and the bench already use.
 */
export * from './ledger.schema.ts';
export * from './consultation.schema.ts';
export * from './norm.schema.ts';
export * from './compliance.schema.ts';
export * from './dashboard.schema.ts';
export * from './room.schema.ts';
