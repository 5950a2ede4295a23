import { enUS } from './messages.en-US.ts';
import type { MessageDictionaries } from './dictionaries.ts';

/**
 * Chinese wording of every message key the server can answer with: error codes, validation keys and
 * todo items. The server answers in Chinese and sends each text's key beside it (decision 72); the
 * console in English shows the key's twin from `messages.en-US.ts`, which must hold exactly these keys.
 * These are the foundation's; each module keeps its own in `domain/src/<module>/messages.zh-CN.ts` and
 * lists them in its manifests (server and web), which register them at start (`registerMessages`).
 */
const messages = {
  // generic errors
  'error.validation': '提交的内容有误，请按提示修改',
  'error.unauthenticated': '请先登录',
  'error.sessionExpired': '登录已过期，请重新登录',
  'error.forbidden': '您没有执行此操作的权限',
  'error.notFound': '找不到该记录，或不在您的管辖范围内',
  'error.conflict': '记录已被他人修改，请刷新后重试',
  'error.tooLarge': '提交的内容过大',
  'file.archive.tooLarge': '文件解压后过大或包含的文件过多（解压后最多 64 MB、1000 个文件），请拆分后再上传',
  'file.markup': '图片中夹带了网页或脚本代码，不能作为附件上传',
  'file.trailing': '图片结尾有多余的数据（如动态照片），请另存为普通照片后上传',
  'file.pdfActive': 'PDF 中含有自动执行的动作、脚本或嵌入文件，不能作为附件上传；请打印为普通 PDF 后上传',
  'file.type': '附件只能是 JPG、PNG 图片或 PDF 文件',
  'file.name': '请提供文件名',
  'file.name.tooLong': '文件名过长（最多 120 字）',
  'file.tooMany': '每条记录最多 9 个附件',
  'error.unsupportedType': '文件类型不正确',
  'error.rateLimited': '操作过于频繁，请稍后再试',
  'error.csrf': '页面已过期，请刷新后重试',
  'error.internal': '系统繁忙，请稍后再试',
  'error.mustChangePassword': '首次登录请先修改密码',
  'error.idempotencyMismatch': '同一请求编号提交了不同的内容',
  'error.idempotencyUnanswered': '该请求此前已处理完成，请刷新页面查看结果',
  // database and storage faults (issue 15 findings 2, 4, 5)
  'error.databaseUnavailable': '数据库暂时无法响应，请稍后重试',
  'error.databaseBusy': '数据正被其他操作占用，请稍后重试',
  'error.storageFull': '服务器存储空间已满，暂时无法保存，请联系管理员清理空间',
  'error.restartRequired': '服务器写入存储失败，需由管理员重启服务后才能继续使用',
  // auth
  'auth.invalidCredentials': '用户名或密码错误',
  'auth.locked': '连续登录失败次数过多，账号已锁定 15 分钟',
  'auth.disabled': '用户名或密码错误',
  'auth.username.required': '请输入用户名',
  'auth.password.required': '请输入密码',
  'auth.password.wrong': '原密码不正确',
  'auth.password.reused': '新密码不能与原密码相同',
  'auth.totp.format': '请输入 6 位动态验证码',
  'auth.totp.invalid': '动态验证码不正确或已使用',
  'auth.totp.notPending': '当前无需输入动态验证码',
  // password policy
  'password.required': '请输入密码',
  'password.tooShort': '密码至少 8 位',
  'password.tooLong': '密码不能超过 128 位',
  'password.classes': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  'password.common': '密码过于常见或容易猜到（常用密码、键盘顺序、简单重复），请换一个',
  'password.pattern':
    '密码是常见词、拼音或键盘顺序后面加数字或符号（如 Qwerty123!、Woaini@1314），容易被猜中，请换一个；可以用几个词组成的短句',
  'password.containsUsername': '密码不能包含用户名',
  // users
  'user.username.format': '用户名为 3–32 位字母、数字、下划线、点或横线',
  'user.username.taken': '该用户名已被使用',
  'user.displayName.required': '请输入姓名',
  'user.displayName.tooLong': '姓名不能超过 30 个字',
  'user.roles.required': '请至少选择一个角色',
  'user.role.notGrantable': '您不能授予该角色',
  'user.role.adminMix': '系统管理员、安全管理员、审计管理员账号不能兼任其他角色',
  'user.region.notGrantable': '只能在本辖区内设置所属区划',
  'user.role.self': '不能更改自己的角色或所属区划，请由安全管理员办理',
  'user.self.disable': '不能停用自己的账号',
  'user.self.reset': '请通过“修改密码”更改自己的密码',
  // regions
  'region.code.invalid': '区划代码格式不正确',
  'region.notFound': '区划不存在或不在您的管辖范围内',
  'region.notVillage': '只有村（社区）可以设置此项',
  'group.name.required': '请输入村民小组名称',
  'group.name.tooLong': '村民小组名称不能超过 30 个字',
  'group.name.taken': '该村已有同名村民小组',
  'group.full': '该村的村民小组编号已用完',
  // personal data
  'personal.mobile.invalid': '手机号码格式不正确',
  'personal.idCard.invalid': '身份证号码校验不通过',
  'personal.uscc.invalid': '统一社会信用代码校验不通过',
  // legal (一村一法律顾问)
  'legal.name.required': '请输入姓名',
  'legal.gender.required': '请选择性别',
  'legal.category.required': '请选择人员类别',
  'legal.text.tooLong': '内容过长',
  'legal.date.invalid': '日期格式应为 YYYY-MM-DD',
  'legal.fee.invalid': '服务费应为不小于 0 的金额',
  'legal.contract.period': '合同结束日期不能早于开始日期',
  'legal.advisor.required': '请选择法律顾问',
  'legal.idNumber.taken': '该身份证号码已登记在法律顾问名册中',
  'legal.import.notXlsx': '请上传 Excel（.xlsx）文件',
  'legal.import.badHeader': '表头与模板不一致，请下载模板后填写',
  'legal.import.empty': '文件中没有数据行',
  'legal.import.tooMany': '一次最多导入 2000 行',
  'legal.import.duplicateInFile': '与文件中前面的行身份证号码重复',
  'legal.gender.invalid': '性别应填“男”或“女”',
  'legal.category.invalid': '人员类别不在可选范围内，请按模板“说明”页填写',
  'legal.advisor.notActive': '该法律顾问不在岗，不能安排驻村',
  'legal.advisor.outsideRegion': '只能安排到法律顾问所属辖区内的村（社区）',
  'legal.village.notVillage': '请选择村（社区）',
  'legal.assignment.villageTaken': '该村（社区）已有在岗法律顾问，请使用“交接”',
  'legal.assignment.ended': '该安排已结束',
  'legal.assignment.dateBeforeStart': '日期不能早于安排开始日期',
  'legal.assignment.sameAdvisor': '交接对象不能是当前法律顾问',
  // todo items
  'todo.access.locked.title': '有账号因多次登录失败被锁定',
  'todo.access.locked.description': '共 {count} 个账号，15 分钟后自动解锁，也可在用户管理中重置密码',
  'todo.legal.poorUncovered.title': '有贫困村尚未安排法律顾问',
  'todo.legal.poorUncovered.description': '共 {count} 个贫困村，要求年底前全覆盖（一村一法律顾问）',
  // zod fallbacks
  'zod.required': '此项必填',
  'zod.invalid': '格式不正确',
  'zod.unknownField': '不允许提交此字段',
} satisfies Record<string, string>;

export type ServerMessageKey = keyof typeof messages;

/** The foundation's texts and every registered module's (see `registerMessages`). */
export const zhCN: Record<string, string> = { ...messages };

/**
 * Adds a module's texts in both languages. A key registered twice must keep its text (two modules
 * cannot answer one key differently); registering the same dictionary again changes nothing.
 */
export function registerMessages(pair: MessageDictionaries): void {
  for (const [language, target] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    for (const [key, text] of Object.entries(pair[language])) {
      if (Object.hasOwn(target, key) && target[key] !== text) throw new Error(`message ${key} is registered with two texts`);
      target[key] = text;
    }
  }
}

/** The key whose text answers `key`: itself when known, otherwise the generic 'zod.invalid'. */
export function knownKey(key: string): string {
  return Object.hasOwn(zhCN, key) ? key : 'zod.invalid';
}

export function messageOf(key: string, params: Record<string, string | number> = {}): string {
  const text = zhCN[knownKey(key)] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
