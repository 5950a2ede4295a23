import { describe, expect, it } from 'vitest';
import {
  assignKeys,
  editLocks,
  editRefusals,
  keyedLists,
  milestoneRemovalRefusal,
  withdrawRefusal,
  type ProgramShape,
  type ProgramUsage,
} from './program-rules.ts';

const unused: ProgramUsage = { statuses: {}, designations: 0, usedAreas: [], usedConditions: [], usedAttachments: [] };
const usage = (over: Partial<ProgramUsage>): ProgramUsage => ({ ...unused, ...over });

const shape: ProgramShape = {
  unitLevel: 'county',
  reviewChain: ['province', 'nation'],
  quotaLevel: 'province',
  cycleStart: '2026-01-01',
  cycleEnd: '2028-12-31',
  contentAreas: [
    { key: 'consultation', label: '创新村民议事协商形式', custom: false },
    { key: 'custom_1', label: '一村一法律顾问', custom: true },
  ],
  conditions: [
    { key: 'c1', text: '党委重视', evidenceRequired: true },
    { key: 'c2', text: '工作力量', evidenceRequired: false },
  ],
  requiredAttachments: [{ key: 'a1', label: '试点方案（盖章扫描件）' }],
};
const keys = (refusals: { key: string }[]) => refusals.map((r) => r.key);

describe('programme rules: what may change once units apply', () => {
  it('locks nothing before anyone applies, and then more as applications move on', () => {
    expect(editLocks(unused)).toEqual({ unitLevel: false, reviewChain: false, requirements: false, cycle: false, areasInUse: [] });
    expect(editLocks(usage({ statuses: { draft: 2 }, usedAreas: ['consultation'] }))).toEqual({
      unitLevel: true,
      reviewChain: false,
      requirements: false,
      cycle: false,
      areasInUse: ['consultation'],
    });
    expect(editLocks(usage({ statuses: { returned: 1 } }))).toMatchObject({
      unitLevel: true,
      reviewChain: false,
      requirements: true,
      cycle: false,
    });
    expect(editLocks(usage({ statuses: { submitted: 1 } }))).toMatchObject({ reviewChain: true, requirements: true });
    expect(editLocks(usage({ statuses: { approved: 1 }, designations: 1 }))).toMatchObject({
      reviewChain: true,
      requirements: true,
      cycle: true,
    });
    // Closed applications (a withdrawn programme's) still count as having applied.
    expect(editLocks(usage({ statuses: { closed: 1 } }))).toMatchObject({ unitLevel: true, reviewChain: false });
  });

  it('allows any edit of an unused programme', () => {
    const after: ProgramShape = {
      ...shape,
      unitLevel: 'town',
      reviewChain: ['county', 'province', 'nation'],
      quotaLevel: null,
      cycleEnd: '2029-12-31',
      contentAreas: [],
      conditions: [],
      requiredAttachments: [],
    };
    expect(editRefusals(shape, after, unused)).toEqual([]);
  });

  it('refuses the unit level once applied, the chain and quota level under review, the cycle once designated', () => {
    const after: ProgramShape = { ...shape, unitLevel: 'town', reviewChain: ['nation'], quotaLevel: null, cycleStart: '2026-02-01' };
    expect(keys(editRefusals(shape, after, usage({ statuses: { draft: 1 } })))).toEqual(['programs.edit.unitLevelLocked']);
    expect(keys(editRefusals(shape, after, usage({ statuses: { submitted: 1 } })))).toEqual([
      'programs.edit.unitLevelLocked',
      'programs.edit.reviewChainLocked',
      'programs.edit.quotaLevelLocked',
    ]);
    expect(keys(editRefusals(shape, after, usage({ statuses: { approved: 1 }, designations: 1 })))).toEqual([
      'programs.edit.unitLevelLocked',
      'programs.edit.cycleLocked',
      'programs.edit.reviewChainLocked',
      'programs.edit.quotaLevelLocked',
    ]);
    // Name, batch and title are not part of the shape: always editable. The same shape is no change.
    expect(editRefusals(shape, { ...shape }, usage({ statuses: { approved: 3 }, designations: 3 }))).toEqual([]);
  });

  it('refuses removing an area, condition or attachment an application uses, naming it', () => {
    const used = usage({ statuses: { draft: 1 }, usedAreas: ['custom_1'], usedConditions: ['c2'], usedAttachments: ['a1'] });
    const after: ProgramShape = {
      ...shape,
      contentAreas: [shape.contentAreas[0]!],
      conditions: [shape.conditions[0]!],
      requiredAttachments: [],
    };
    expect(editRefusals(shape, after, used)).toEqual([
      { key: 'programs.edit.areaInUse', params: { area: '一村一法律顾问' } },
      { key: 'programs.edit.conditionInUse', params: { condition: '工作力量' } },
      { key: 'programs.edit.attachmentInUse', params: { attachment: '试点方案（盖章扫描件）' } },
    ]);
    // Unused ones go, and new ones may be added, while only drafts exist.
    const added: ProgramShape = {
      ...shape,
      conditions: [...shape.conditions, { key: 'c3', text: '新条件', evidenceRequired: false }],
      requiredAttachments: [...shape.requiredAttachments, { key: 'a2', label: '会议纪要' }],
    };
    expect(editRefusals(shape, added, used)).toEqual([]);
    expect(editRefusals(shape, { ...shape, conditions: [shape.conditions[1]!] }, used)).toEqual([]);
  });

  it('freezes conditions and attachments once an application was submitted, whatever the change', () => {
    const submitted = usage({ statuses: { rejected: 1 } });
    expect(
      keys(
        editRefusals(
          shape,
          { ...shape, conditions: [{ key: 'c1', text: '党委重视', evidenceRequired: false }, shape.conditions[1]!] },
          submitted,
        ),
      ),
    ).toEqual(['programs.edit.requirementsLocked']);
    expect(
      keys(
        editRefusals(shape, { ...shape, requiredAttachments: [...shape.requiredAttachments, { key: 'a2', label: '会议纪要' }] }, submitted),
      ),
    ).toEqual(['programs.edit.requirementsLocked']);
    expect(
      editRefusals(
        shape,
        { ...shape, contentAreas: [...shape.contentAreas, { key: 'modern_means', label: '创新现代乡村治理手段', custom: false }] },
        submitted,
      ),
    ).toEqual([]);
  });

  it('withdraws only an active programme that has honoured nobody', () => {
    expect(
      withdrawRefusal({ name: '试点', status: 'active' }, usage({ statuses: { draft: 2, submitted: 1, returned: 1, rejected: 1 } })),
    ).toBeNull();
    expect(withdrawRefusal({ name: '试点', status: 'active' }, usage({ statuses: { approved: 2 }, designations: 2 }))).toEqual({
      key: 'programs.withdraw.hasApproved',
      params: { program: '试点', count: 2 },
    });
    expect(withdrawRefusal({ name: '试点', status: 'active' }, usage({ designations: 1 }))).toMatchObject({
      key: 'programs.withdraw.hasApproved',
    });
    expect(withdrawRefusal({ name: '试点', status: 'withdrawn' }, unused)).toEqual({
      key: 'programs.program.withdrawn',
      params: { program: '试点' },
    });
  });

  it('keeps a passed submission deadline: removing it would reopen submission', () => {
    const deadline = { name: '方案报送截止', closesSubmission: true, effectiveDue: '2026-03-31' };
    expect(milestoneRemovalRefusal(deadline, '2026-03-31')).toBeNull();
    expect(milestoneRemovalRefusal(deadline, '2026-04-01')).toEqual({
      key: 'programs.milestone.submissionClosed',
      params: { milestone: '方案报送截止', date: '2026-03-31' },
    });
    expect(milestoneRemovalRefusal({ ...deadline, closesSubmission: false }, '2027-01-01')).toBeNull();
  });

  it('keeps the keys of unchanged items and numbers new ones after the existing', () => {
    const existing = [
      { key: 'a1', label: '方案' },
      { key: 'a3', label: '纪要' },
    ];
    expect(assignKeys(existing, ['纪要', '照片', '方案', '名单'], 'a')).toEqual([
      { key: 'a3', label: '纪要' },
      { key: 'a4', label: '照片' },
      { key: 'a1', label: '方案' },
      { key: 'a5', label: '名单' },
    ]);
    expect(assignKeys([], ['一', '二'], 'c')).toEqual([
      { key: 'c1', label: '一' },
      { key: 'c2', label: '二' },
    ]);
    const lists = keyedLists(
      {
        contentAreas: ['consultation'],
        customContentAreas: ['新内容', '一村一法律顾问'],
        conditions: [
          { text: '工作力量', evidenceRequired: true },
          { text: '新条件', evidenceRequired: false },
        ],
        requiredAttachments: [],
      },
      shape,
    );
    expect(lists).toEqual({
      contentAreas: [
        { key: 'consultation', label: '创新村民议事协商形式', custom: false },
        { key: 'custom_2', label: '新内容', custom: true },
        { key: 'custom_1', label: '一村一法律顾问', custom: true },
      ],
      conditions: [
        { key: 'c2', text: '工作力量', evidenceRequired: true },
        { key: 'c3', text: '新条件', evidenceRequired: false },
      ],
      requiredAttachments: [],
    });
  });
});
