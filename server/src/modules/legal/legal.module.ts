import { legalEvents } from '@rg/domain/legal/events';
import type { EventPayloads } from '../../core/events/event-catalogue.ts';
import { LEGAL_PERMISSIONS } from '@rg/domain/legal/permissions';
import { legalDictionaries } from '@rg/domain/legal/messages';
import type { ModuleManifest } from '../../core/module.ts';
import { legalFeeds } from './legal.feeds.ts';
import { legalMigrations } from './legal.migrations.ts';
import { legalRoutes } from './legal.routes.ts';
import { legalLedgerRoutes } from './legal.ledger.routes.ts';
import { legalReportsRoutes } from './legal.reports.routes.ts';
import { legalTodos } from './legal.todos.ts';
import { subscribePilotVillages } from './legal.pilots.ts';
import { seedLegalDemo } from './legal.demo.ts';
import { legalIndicators } from './legal.indicators.ts';

/** 一村（社区）一法律顾问 (DOMAIN.md `legal`, P1.4): roster, assignments, coverage, the service ledger and the three windows. */
export const legalModule: ModuleManifest = {
  name: 'legal',
  permissions: LEGAL_PERMISSIONS,
  messages: legalDictionaries,
  rolePermissions: {
    official: ['legal.read', 'legal.manage', 'legal.export', 'legal.record', 'legal.review'],
    leader: ['legal.read', 'legal.export'],
    inspector: ['legal.read'],
    // An advisor records services for the villages they serve and answers their questions.
    legal_advisor: ['legal.record'],
    villager: ['legal.ask'],
    // Decision 76: village cadres and supervisors read their own village's legal work (ledger masked, no questions).
    village_cadre: ['legal.read'],
    supervisor: ['legal.read'],
  },
  menu: [{ key: 'legal', path: '/legal', labelKey: 'menu.legal', icon: 'legal', order: 20, access: 'legal.read' }],
  migrations: legalMigrations,
  events: legalEvents,
  feeds: legalFeeds,
  routes: (app, ctx) => {
    legalRoutes(app, ctx);
    legalLedgerRoutes(app, ctx);
    legalReportsRoutes(app, ctx);
  },
  todos: legalTodos,
  subscribe: subscribePilotVillages,
  indicators: legalIndicators,
  // SECURITY.md 30: where numbers typed into texts may sit in plain from before sealing (`npm run pii:seal-texts`).
  freeTextColumns: [
    { table: 'legal_services', key: ['id'], columns: ['subject_name', 'content', 'result', 'review_comment'] },
    { table: 'legal_service_versions', key: ['service_id', 'version'], columns: ['fields', 'reason'] },
    { table: 'legal_assignments', key: ['id'], columns: ['end_reason'] },
    { table: 'legal_consultations', key: ['id'], columns: ['question', 'answer'] },
  ],
  seedDemo: seedLegalDemo,
};

// The module's events join the platform's typed event catalogue (core/events/event-catalogue.ts).
declare module '../../core/events/event-catalogue.ts' {
  interface EventCatalogue extends EventPayloads<typeof legalEvents> {}
}
