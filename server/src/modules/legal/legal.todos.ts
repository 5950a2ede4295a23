import type { Actor } from '../../core/access/actor.ts';
import { can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { LegalConsultations } from './legal.consultations.ts';
import { LegalLedger } from './legal.ledger.ts';
import { countByStatus } from './legal.ledger.repository.ts';
import { uncoveredVillages } from './legal.repository.ts';

function item(kind: string, link: string, count: number, params?: Record<string, string | number>): TodoItem {
  return todoItem(`legal.${kind}`, { link, count, params });
}

/** An advisor's own work: villagers' questions to answer and records sent back for correction. */
async function advisorTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const advisor = await new LegalLedger(ctx).advisorOf(actor);
  if (!advisor) return [];
  const questions = await new LegalConsultations(ctx).openFor(advisor.id);
  const returned = await countByStatus(ctx.db, { scope: actor.homeRegion, advisorId: advisor.id }, 'returned');
  return [
    ...(questions > 0 ? [item('questions', '/m/legal/questions', questions, { hours: ctx.config.legalAnswerHours })] : []),
    ...(returned > 0 ? [item('servicesReturned', '/m/legal', returned)] : []),
  ];
}

/**
 * The justice office's work: poor villages still without an advisor (P1.4(2): all covered by the end
 * of the year), ledger entries to review, and online questions unanswered past the limit.
 */
async function officeTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const scope = listScope(actor);
  const items: TodoItem[] = [];
  if (can(actor, 'legal.manage')) {
    const { total } = await uncoveredVillages(ctx.db, scope, true, 0, 1);
    if (total > 0) items.push(item('poorUncovered', '/legal?tab=coverage', total));
    const overdue = await new LegalConsultations(ctx).overdueIn(scope);
    if (overdue > 0) items.push(item('questionsOverdue', '/legal?tab=questions', overdue, { hours: ctx.config.legalAnswerHours }));
  }
  if (can(actor, 'legal.review')) {
    // Four-eyes (decision 76): the entries this person entered are someone else's to review.
    const waiting = await countByStatus(ctx.db, { scope, advisorId: null }, 'submitted', actor.userId);
    if (waiting > 0) items.push(item('servicesToReview', '/legal?tab=ledger', waiting));
  }
  return items;
}

export async function legalTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  return [...(await advisorTodos(ctx, actor)), ...(await officeTodos(ctx, actor))];
}
