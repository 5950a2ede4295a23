import { mediationEvents } from '@rg/domain/mediation/events';
import type { EventPayloads } from '../../core/events/event-catalogue.ts';
import { MEDIATION_PERMISSIONS } from '@rg/domain/mediation/permissions';
import { mediationDictionaries } from '@rg/domain/mediation/messages';
import type { ModuleManifest } from '../../core/module.ts';
import { mediationFeeds } from './mediation.feeds.ts';
import { mediationMigrations } from './mediation.migrations.ts';
import { seedMediationDemo } from './mediation.demo.ts';
import { mediationRoutes } from './mediation.routes.ts';
import { mediationTodos } from './mediation.todos.ts';

/**
 * 人民调解与法律援助 (DOMAIN.md `mediation`, P1.4(4), P3.3(三)1). Officials manage committees,
 * mediators, settings and legal aid; mediators handle cases and report screening; village cadres
 * report screening; village cadres and supervisors read their own village's cases (masked, decision 76);
 * villagers apply online; leaders and inspectors read.
 */
export const mediationModule: ModuleManifest = {
  name: 'mediation',
  permissions: MEDIATION_PERMISSIONS,
  messages: mediationDictionaries,
  rolePermissions: {
    official: ['mediation.read', 'mediation.manage', 'mediation.handle', 'mediation.export', 'mediation.screen', 'mediation.aid'],
    mediator: ['mediation.read', 'mediation.handle', 'mediation.screen'],
    village_cadre: ['mediation.read', 'mediation.screen'],
    supervisor: ['mediation.read'],
    leader: ['mediation.read', 'mediation.export'],
    inspector: ['mediation.read'],
    villager: ['mediation.apply'],
  },
  menu: [{ key: 'mediation', path: '/mediation', labelKey: 'menu.mediation', icon: 'mediation', order: 25, access: 'mediation.read' }],
  migrations: mediationMigrations,
  events: mediationEvents,
  feeds: mediationFeeds,
  routes: mediationRoutes,
  todos: mediationTodos,
  // SECURITY.md 30: where numbers typed into texts may sit in plain from before sealing (`npm run pii:seal-texts`).
  freeTextColumns: [
    {
      table: 'mediation_cases',
      key: ['id'],
      columns: ['description', 'referral_note', 'agreement_terms', 'confirmation_note', 'performance_note', 'failure_reason', 'visit_note'],
    },
    { table: 'mediation_sessions', key: ['id'], columns: ['participants', 'notes'] },
    { table: 'mediation_screenings', key: ['id'], columns: ['note', 'items'] },
    { table: 'mediation_aid', key: ['id'], columns: ['facts', 'hardship', 'review_reason', 'result_note'] },
  ],
  seedDemo: seedMediationDemo,
};

// The module's events join the platform's typed event catalogue (core/events/event-catalogue.ts).
declare module '../../core/events/event-catalogue.ts' {
  interface EventCatalogue extends EventPayloads<typeof mediationEvents> {}
}
