import { programsEvents } from '@rg/domain/programs/events';
import type { EventPayloads } from '../../core/events/event-catalogue.ts';
import { PROGRAMS_PERMISSIONS } from '@rg/domain/programs/permissions';
import { programsDictionaries } from '@rg/domain/programs/messages';
import type { ModuleManifest } from '../../core/module.ts';
import { programsFeeds } from './programs.feeds.ts';
import { programsMigrations } from './programs.migrations.ts';
import { programsRoutes } from './programs.routes.ts';
import { programsTodos } from './programs.todos.ts';
import { seedProgramsDemo } from './programs.demo.ts';

/**
 * 试点示范项目与组织 (DOMAIN.md `programs`, `organizations`; P2.3–P2.4, P3.2, P3.4–P3.5, P1.2, P1.5):
 * officials run programmes and apply for their units, leaders review, inspectors evaluate.
 * Designations are public honours, so every role that works a place may read them.
 */
export const programsModule: ModuleManifest = {
  name: 'programs',
  permissions: PROGRAMS_PERMISSIONS,
  messages: programsDictionaries,
  rolePermissions: {
    official: ['programs.read', 'programs.manage', 'programs.apply'],
    leader: ['programs.read', 'programs.review'],
    inspector: ['programs.read', 'programs.evaluate'],
    // 村两委 apply for their own village (the town or county may also apply on its behalf).
    village_cadre: ['programs.read', 'programs.apply'],
  },
  menu: [{ key: 'programs', path: '/programs', labelKey: 'menu.programs', icon: 'programs', order: 15, access: 'programs.read' }],
  migrations: programsMigrations,
  events: programsEvents,
  feeds: programsFeeds,
  routes: programsRoutes,
  todos: programsTodos,
  // SECURITY.md 30: where numbers typed into texts may sit in plain from before sealing (`npm run pii:seal-texts`).
  freeTextColumns: [
    { table: 'programs', key: ['id'], columns: ['description', 'withdrawal_reason'] },
    { table: 'program_milestones', key: ['id'], columns: ['extension_reason'] },
    { table: 'program_reviews', key: ['id'], columns: ['comment'] },
    { table: 'program_designations', key: ['id'], columns: ['status_reason'] },
    { table: 'program_agencies', key: ['id'], columns: ['duties'] },
    { table: 'program_tasks', key: ['id'], columns: ['description'] },
    { table: 'program_reports', key: ['id'], columns: ['content', 'review_comment'] },
    { table: 'program_evaluations', key: ['id'], columns: ['scores'] },
    { table: 'program_cases', key: ['id'], columns: ['summary', 'body', 'review_comment'] },
    { table: 'program_applications', key: ['id'], columns: ['condition_answers'] },
    { table: 'program_plan_versions', key: ['application_id', 'version'], columns: ['sections'] },
  ],
  seedDemo: seedProgramsDemo,
};

// The module's events join the platform's typed event catalogue (core/events/event-catalogue.ts).
declare module '../../core/events/event-catalogue.ts' {
  interface EventCatalogue extends EventPayloads<typeof programsEvents> {}
}
