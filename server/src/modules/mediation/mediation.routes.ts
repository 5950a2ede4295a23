import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';
import { aidRoutes } from './mediation.aid.routes.ts';
import { caseRoutes } from './mediation.cases.routes.ts';
import { CasesService } from './mediation.cases.ts';
import { organisationRoutes } from './mediation.organisations.routes.ts';
import { reportRoutes } from './mediation.reports.routes.ts';

/** The module's routes, one file per part; legal aid starts from the cases' facade (调解不成转法律援助). */
export function mediationRoutes(app: App, ctx: AppContext): void {
  const cases = new CasesService(ctx);
  organisationRoutes(app, ctx);
  caseRoutes(app, ctx, cases);
  aidRoutes(app, ctx, cases);
  reportRoutes(app, ctx);
}
