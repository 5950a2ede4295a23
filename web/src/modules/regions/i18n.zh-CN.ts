/** Texts of the regions module (行政区划); English twin beside it. */
export const regionsMessages = {
  'menu.regions': '行政区划',
  'regions.title': '行政区划',
  'regions.name': '名称',
  'regions.code': '区划代码',
  'regions.level': '层级',
  'regions.kind': '类型',
  'regions.poor': '贫困村',
  'regions.population': '人口',
  'regions.households': '户数',
  'regions.children': '下级区划',
  'regions.groups': '村民小组',
  'regions.addGroup': '新增村民小组',
  'regions.groupName': '小组名称',
  'regions.groupNamePlaceholder': '第一村民小组',
  'regions.groupCreated': '村民小组已新增',
  'regions.attributes': '村庄信息',
  'regions.editAttributes': '编辑村庄信息',
  'regions.empty': '没有下级区划',
  'regions.noGroups': '还没有村民小组',
  'regions.open': '进入',
  'regions.browse': '逐级选择',
  'regions.searchPlaceholder': '输入名称搜索，如 屈家村',
  'regions.noMatch': '没有匹配的区划',
  'regions.level.nation': '全国',
  'regions.level.province': '省',
  'regions.level.city': '市',
  'regions.level.county': '县',
  'regions.level.town': '乡镇',
  'regions.level.village': '村（社区）',
  'regions.level.group': '村民小组',
  'regions.kind.village': '村',
  'regions.kind.community': '社区',
} as const;

// The keys join the console's typed message keys (app/i18n/message-catalogue.ts).
declare module '../../app/i18n/message-catalogue.ts' {
  interface ModuleMessages extends Record<keyof typeof regionsMessages, string> {}
}
