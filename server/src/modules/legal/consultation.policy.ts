import { allOf, allow, denyWhen, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 网上咨询 question (P1.4(1) 网络窗口). */
export type ConsultationAction = 'see' | 'addPicture' | 'answer';

export interface ConsultationSubject extends Placed {
  /** The village asked about (`village_code`). */
  regionCode: string;
  /** The advisor it waits for (the village's advisor when it was asked, or their successor). */
  advisorId: string | null;
  askedBy: string;
  answered: boolean;
}

/**
 * A question is between the villager and the advisors' office: the villager who asked, the advisor it
 * waits for, and the justice office that lists its region's questions (`legal.read` + `legal.record`)
 * see it and its pictures; anyone else gets 404 (decision 76: village cadres and supervisors do not
 * read villagers' questions). Only the asker adds a picture and only the advisor answers, both before
 * the answer (409 after).
 */
export function consultationPolicy(ownAdvisorId: string | null): Policy<ConsultationAction, ConsultationSubject> {
  return (actor, action, row) => {
    const asker = row.askedBy === actor.userId;
    const advisor = ownAdvisorId !== null && row.advisorId === ownAdvisorId;
    const open = denyWhen(row.answered, 'conflict', 'legal.consultation.answered');
    if (action === 'addPicture') return allOf(denyWhen(!asker, 'not_found', 'error.notFound'), open);
    if (action === 'answer') return allOf(denyWhen(!advisor, 'not_found', 'error.notFound'), open);
    if (asker || advisor) return allow;
    const office = allOf(inRegion(actor, row), holds(actor, 'legal.read'), holds(actor, 'legal.record'));
    return office.ok ? allow : { ok: false, status: 'not_found', messageKey: 'error.notFound' };
  };
}
