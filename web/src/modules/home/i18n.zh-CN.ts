/** Texts of the home page (待办); English twin beside it. */
export const homeMessages = {
  'menu.home': '首页',
  'home.welcome': '欢迎，{name}',
  'home.scope': '当前辖区：{name}',
  'home.roles': '角色：{roles}',
  'home.todos': '待办事项',
  'home.noTodos': '暂无待办事项',
  'home.due': '截止 {date}',
  'home.open': '去处理',
} as const;

// The keys join the console's typed message keys (app/i18n/message-catalogue.ts).
declare module '../../app/i18n/message-catalogue.ts' {
  interface ModuleMessages extends Record<keyof typeof homeMessages, string> {}
}
