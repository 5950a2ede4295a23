import type { Migration } from 'kysely';
import type { FastifyInstance, RawServerDefault, FastifyBaseLogger, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission, Role, RouteAccess } from '@rg/domain/access/roles';
import type { MenuEntryDto } from '@rg/domain/access/user.schema';
import type { TodoItem } from '@rg/domain/home/todo.schema';
import type { MessageDictionaries } from '@rg/domain/i18n/dictionaries';
import type { EventIndicatorCode } from '@rg/domain/indicators/catalogue';
import type { DomainEvent, EventSchemas, EventType } from './events/event-catalogue.ts';

export type { TodoItem };
import type { Actor } from './access/actor.ts';
import type { AppContext } from './context.ts';
import type { RequestContext } from './access/actor.ts';

/**
 * A computed indicator a module registers (the `indicators` module lists it in the catalogue and on
 * scorecards): a function of a region and a period over the module's own records, answering a
 * numerator and denominator (a share) or a count in `num`. Null when the actor may not see it or
 * there is nothing to count.
 */
export interface ComputedIndicator {
  code: string;
  name: string;
  definition: string;
  unit: 'percent' | 'count';
  /** The seed clause the indicator comes from. */
  clause: string;
  /**
   * The widest region the function is quick enough for on a scorecard request (it counts live);
   * wider scorecards show no value for it.
   */
  widestLevel: 'nation' | 'province' | 'city' | 'county' | 'town';
  compute(ctx: AppContext, rc: RequestContext, regionCode: string, period: string): Promise<{ num: number; den: number } | null>;
}

/** What one event adds to an event-counted indicator of its place (and every region above). */
export interface CountedDelta {
  indicatorCode: EventIndicatorCode;
  num: number;
  den: number;
  /** The quarter the delta belongs to, when not the event's own (a corrected date moves a count back). */
  period?: string;
}

/** How a publisher's events count into indicators: event name → the deltas one event adds. */
export type IndicatorFeeds = { readonly [K in EventType]?: (event: DomainEvent<K>) => readonly CountedDelta[] };

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A module's manifest: everything the server and the console learn about it, in one place
 * (ARCHITECTURE.md "Shape"). Adding a module means writing its manifest and listing it in
 * server/src/modules/index.ts.
 */
export interface ModuleManifest {
  name: string;
  /** The permissions the module declares (`domain/src/<module>/permissions.ts`, `as const`). */
  permissions?: readonly Permission[];
  /** The module's server texts (errors, validation, todo items) in both languages (`domain/src/<module>/messages.ts`). */
  messages?: MessageDictionaries;
  /** Permissions the module adds to roles, merged into the one PermissionTable. */
  rolePermissions?: Partial<Record<Role, readonly Permission[]>>;
  /** Menu entries, shown to users who hold `access`. */
  menu?: ReadonlyArray<MenuEntryDto & { access: RouteAccess }>;
  routes(app: App, ctx: AppContext): void;
  /**
   * The module's migrations, one file each in `<module>/migrations/`, by name. New names are
   * `YYYYMMDDHHmm-<module>-<what>` (docs/adding-a-module.md); the numbered ones before them keep
   * their names, which databases have recorded as applied.
   */
  migrations?: Readonly<Record<string, Migration>>;
  /** The domain events the module publishes, name → payload schema (`domain/src/<module>/events.ts`). */
  events?: EventSchemas;
  /**
   * How the module's own events count into the event-counted indicators of the catalogue; the
   * indicators module subscribes to exactly these, so nobody else lists this module's event names.
   */
  feeds?: IndicatorFeeds;
  /** Items for the actor's todo list on the home page. */
  todos?(ctx: AppContext, actor: Actor): Promise<TodoItem[]>;
  /** Registers the module's handlers for other modules' domain events (`ctx.events.on`, typed by the catalogue). */
  subscribe?(ctx: AppContext): void;
  /** Computed indicators the module contributes to the indicator catalogue. */
  indicators?: readonly ComputedIndicator[];
  /**
   * Runs after `npm run regions:import` changed the region tree (villages or towns moved), for
   * modules that keep figures along region paths.
   */
  afterRegionsImport?(ctx: AppContext): Promise<void>;
  /** Demo data, run only in demo mode, after the demo regions and accounts exist; must be idempotent. */
  seedDemo?(ctx: AppContext): Promise<void>;
  /**
   * The columns that hold free text (SECURITY.md 30), by table and primary key: `npm run pii:seal-texts`
   * seals the ID numbers and mobiles that rows written before sealing still hold in plain.
   */
  freeTextColumns?: readonly FreeTextColumns[];
}

export interface FreeTextColumns {
  table: string;
  key: readonly string[];
  columns: readonly string[];
}
