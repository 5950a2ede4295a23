import type { Role } from '@rg/domain/access/roles';

/** Demo accounts (demo mode only, SECURITY.md 1): one per role at the level where the role works. */
export interface DemoAccount {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  phone?: string;
}

/** One shared demo password that meets the policy; printed at start, never used outside demo mode. */
export const DEMO_PASSWORD = 'Demo@2026pass';

/** 泾阳县 and 怀远县 are the seed's own counties (P1.3, plan 3). */
export const DEMO_COUNTIES = ['610423', '340321'];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', regionCode: '00', roles: ['admin'] },
  { username: 'secadmin', displayName: '安全管理员', regionCode: '00', roles: ['security_admin'] },
  { username: 'auditor', displayName: '审计管理员', regionCode: '00', roles: ['auditor'] },
  { username: 'jy.leader', displayName: '李九洲', regionCode: '610423', roles: ['leader'] },
  { username: 'jy.official', displayName: '朱妮娜', regionCode: '610423', roles: ['official'], phone: '13800138000' },
  { username: 'jy.inspector', displayName: '高波', regionCode: '610423', roles: ['inspector'] },
  { username: 'wq.leader', displayName: '王桥镇组长', regionCode: '610423104', roles: ['leader'] },
  { username: 'wq.official', displayName: '王桥镇司法所', regionCode: '610423104', roles: ['official'], phone: '13900139000' },
  { username: 'wq.mediator', displayName: '王桥镇调解员', regionCode: '610423104', roles: ['mediator'] },
  { username: 'wq.inspector', displayName: '王桥镇督导员', regionCode: '610423104', roles: ['inspector'] },
  { username: 'qj.cadre', displayName: '屈家村书记', regionCode: '610423104209', roles: ['village_cadre'] },
  { username: 'qj.supervisor', displayName: '屈家村监委会', regionCode: '610423104209', roles: ['supervisor'] },
  { username: 'qj.advisor', displayName: '屈家村法律顾问', regionCode: '610423104209', roles: ['legal_advisor'] },
  { username: 'qj.mediator', displayName: '屈家村调解员', regionCode: '610423104209', roles: ['mediator'] },
  { username: 'qj.villager', displayName: '屈家村村民', regionCode: '610423104209', roles: ['villager'] },
  { username: 'aw.official', displayName: '安吴镇司法所', regionCode: '610423113', roles: ['official'] },
  { username: 'wj.cadre', displayName: '王家村书记', regionCode: '610423113203', roles: ['village_cadre'] },
  { username: 'hy.official', displayName: '怀远县农办', regionCode: '340321', roles: ['official'] },
  { username: 'wf.official', displayName: '万福镇农办', regionCode: '340321108', roles: ['official'] },
  // 试点示范 (programs): organisers and reviewers above the demo counties — the review chain climbs to them.
  { username: 'nation.official', displayName: '农业农村部合作经济指导司', regionCode: '00', roles: ['official'] },
  { username: 'nation.leader', displayName: '中央农办审核组', regionCode: '00', roles: ['leader'] },
  { username: 'ah.official', displayName: '安徽省农业农村厅', regionCode: '34', roles: ['official'] },
  { username: 'ah.leader', displayName: '安徽省委农办审核组', regionCode: '34', roles: ['leader'] },
  { username: 'ah.inspector', displayName: '安徽省考核验收组', regionCode: '34', roles: ['inspector'] },
  { username: 'sx.leader', displayName: '陕西省委农办审核组', regionCode: '61', roles: ['leader'] },
  { username: 'hy.leader', displayName: '怀远县委农办审核组', regionCode: '340321', roles: ['leader'] },
];
