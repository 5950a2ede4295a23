/**
 * What may still change in a 试点示范项目 once units apply (编辑、撤销、删除节点). Pure: the server
 * counts the programme's applications into a {@link ProgramUsage} and asks these functions; the
 * console shows the same locks on the edit form.
 */
import type { ApplicationStatus } from './application.schema.ts';
import { CONTENT_AREAS } from './catalog.ts';
import type { ContentArea, ProgramCondition, ProgramEditLocks, ProgramStatus, RequiredAttachment } from './program.schema.ts';

/** What a programme's applications and designations hold, counted over the whole programme. */
export interface ProgramUsage {
  /** Applications by status. */
  statuses: Partial<Record<ApplicationStatus, number>>;
  /** 命名 in any state (a revoked one was approved all the same). */
  designations: number;
  /** Content-area keys some application chose. */
  usedAreas: readonly string[];
  /** Condition keys some application answered or proved with a file. */
  usedConditions: readonly string[];
  /** Required-attachment keys some application uploaded a file for. */
  usedAttachments: readonly string[];
}

/** A 409: the message key and the names it needs; every message names the field it concerns. */
export interface ProgramRefusal {
  key: string;
  params?: Record<string, string | number>;
}

/** A programme's editable rules as stored, with the keys applications refer to. */
export interface ProgramShape {
  unitLevel: string;
  reviewChain: readonly string[];
  quotaLevel: string | null;
  cycleStart: string;
  cycleEnd: string;
  contentAreas: readonly ContentArea[];
  conditions: readonly ProgramCondition[];
  requiredAttachments: readonly RequiredAttachment[];
}

function count(usage: ProgramUsage, ...statuses: ApplicationStatus[]): number {
  return statuses.reduce((n, s) => n + (usage.statuses[s] ?? 0), 0);
}

export function editLocks(usage: ProgramUsage): ProgramEditLocks {
  const all = Object.values(usage.statuses).reduce((n, v) => n + (v ?? 0), 0);
  return {
    unitLevel: all > 0,
    reviewChain: count(usage, 'submitted', 'approved') > 0,
    requirements: count(usage, 'submitted', 'returned', 'rejected', 'approved') > 0,
    cycle: usage.designations > 0,
    areasInUse: [...usage.usedAreas],
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const conditionText = (c: ProgramCondition) => `${c.key}|${c.text}|${c.evidenceRequired}`;

/**
 * Why an edit from `before` to `after` is refused, in the order the form shows the fields; empty
 * when it may be saved. Items that applications refer to (an area chosen, a condition answered, a
 * required attachment uploaded) may not be removed; a condition or attachment whose wording changes
 * gets a new key, so changing one in use counts as removing it.
 */
export function editRefusals(before: ProgramShape, after: ProgramShape, usage: ProgramUsage): ProgramRefusal[] {
  const locks = editLocks(usage);
  const refusals: ProgramRefusal[] = [];
  if (locks.unitLevel && before.unitLevel !== after.unitLevel) refusals.push({ key: 'programs.edit.unitLevelLocked' });
  if (locks.cycle && (before.cycleStart !== after.cycleStart || before.cycleEnd !== after.cycleEnd))
    refusals.push({ key: 'programs.edit.cycleLocked' });
  const kept = (keys: readonly { key: string }[]) => new Set(keys.map((k) => k.key));
  const areas = kept(after.contentAreas);
  for (const area of before.contentAreas) {
    if (!areas.has(area.key) && usage.usedAreas.includes(area.key))
      refusals.push({ key: 'programs.edit.areaInUse', params: { area: area.label } });
  }
  const conditionsChanged = !sameList(before.conditions.map(conditionText), after.conditions.map(conditionText));
  const attachmentsChanged = !sameList(
    before.requiredAttachments.map((a) => `${a.key}|${a.label}`),
    after.requiredAttachments.map((a) => `${a.key}|${a.label}`),
  );
  if (locks.requirements && (conditionsChanged || attachmentsChanged)) refusals.push({ key: 'programs.edit.requirementsLocked' });
  else {
    const conditions = kept(after.conditions);
    for (const condition of before.conditions) {
      if (!conditions.has(condition.key) && usage.usedConditions.includes(condition.key))
        refusals.push({ key: 'programs.edit.conditionInUse', params: { condition: condition.text } });
    }
    const attachments = kept(after.requiredAttachments);
    for (const attachment of before.requiredAttachments) {
      if (!attachments.has(attachment.key) && usage.usedAttachments.includes(attachment.key))
        refusals.push({ key: 'programs.edit.attachmentInUse', params: { attachment: attachment.label } });
    }
  }
  if (locks.reviewChain && !sameList(before.reviewChain, after.reviewChain)) refusals.push({ key: 'programs.edit.reviewChainLocked' });
  if (locks.reviewChain && before.quotaLevel !== after.quotaLevel) refusals.push({ key: 'programs.edit.quotaLevelLocked' });
  return refusals;
}

/**
 * 撤销 is for a programme that has not yet honoured anyone: once a unit is approved or designated,
 * the honour stands and the programme is wound down through its designations instead.
 */
export function withdrawRefusal(program: { name: string; status: ProgramStatus }, usage: ProgramUsage): ProgramRefusal | null {
  if (program.status === 'withdrawn') return { key: 'programs.program.withdrawn', params: { program: program.name } };
  const honoured = Math.max(count(usage, 'approved'), usage.designations);
  if (honoured > 0) return { key: 'programs.withdraw.hasApproved', params: { program: program.name, count: honoured } };
  return null;
}

/**
 * Removing a 节点 is refused when it is a 申报截止 that has passed: removing it would quietly reopen
 * submission (the organiser extends it instead, with a reason). Other milestones depend on nothing.
 */
export function milestoneRemovalRefusal(
  milestone: { name: string; closesSubmission: boolean; effectiveDue: string },
  today: string,
): ProgramRefusal | null {
  if (milestone.closesSubmission && milestone.effectiveDue < today)
    return { key: 'programs.milestone.submissionClosed', params: { milestone: milestone.name, date: milestone.effectiveDue } };
  return null;
}

/**
 * Keys for a list of labels: a label already in `existing` keeps its key (so applications' answers
 * and files stay with it); a new one gets the next number after the existing keys. (A key freed by
 * an earlier removal may come back: nothing refers to it, as removing an item in use is refused.)
 */
export function assignKeys(
  existing: readonly { key: string; label: string }[],
  labels: readonly string[],
  prefix: string,
): { key: string; label: string }[] {
  const numberOf = (key: string) => (key.startsWith(prefix) ? Number(key.slice(prefix.length)) || 0 : 0);
  let next = existing.reduce((max, e) => Math.max(max, numberOf(e.key)), 0);
  const free = [...existing];
  return labels.map((label) => {
    const at = free.findIndex((e) => e.label === label);
    const same = at >= 0 ? free.splice(at, 1)[0] : undefined;
    if (same) return { key: same.key, label };
    next += 1;
    return { key: `${prefix}${next}`, label };
  });
}

/** The areas, conditions and attachments of a create or edit input, keyed (keeping `before`'s keys). */
export function keyedLists(
  input: {
    contentAreas: readonly string[];
    customContentAreas: readonly string[];
    conditions: readonly { text: string; evidenceRequired: boolean }[];
    requiredAttachments: readonly string[];
  },
  before?: Pick<ProgramShape, 'contentAreas' | 'conditions' | 'requiredAttachments'>,
): { contentAreas: ContentArea[]; conditions: ProgramCondition[]; requiredAttachments: RequiredAttachment[] } {
  const custom = assignKeys(
    (before?.contentAreas ?? []).filter((a) => a.custom),
    input.customContentAreas,
    'custom_',
  );
  const conditionKeys = assignKeys(
    (before?.conditions ?? []).map((c) => ({ key: c.key, label: c.text })),
    input.conditions.map((c) => c.text),
    'c',
  );
  return {
    contentAreas: [
      ...CONTENT_AREAS.filter((a) => input.contentAreas.includes(a.key)).map((a) => ({ key: a.key, label: a.label, custom: false })),
      ...custom.map((a) => ({ ...a, custom: true })),
    ],
    conditions: input.conditions.map((c, i) => ({
      key: conditionKeys[i]?.key ?? `c${i + 1}`,
      text: c.text,
      evidenceRequired: c.evidenceRequired,
    })),
    requiredAttachments: assignKeys(before?.requiredAttachments ?? [], input.requiredAttachments, 'a'),
  };
}
