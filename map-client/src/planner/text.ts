// The planner view's words, in zh-CN and en (kept apart from the station view's table in ../i18n.ts).

import type { Lang } from '../i18n';

const zh = {
  toggle: '规划',
  toggleLabel: '打开或关闭规划视图',
  title: '站点规划',
  layer: '需求图层',
  radius: '覆盖半径（米）',
  kind: '现有驿站类型',
  allKinds: '全部类型',
  showCoverage: '显示覆盖',
  coverage: '已覆盖 {share}（{covered} / {total}）',
  p: '新增站点数',
  solver: '求解方式',
  key: '规划员密钥',
  suggest: '建议新站点',
  running: '计算中… {percent}',
  result: '新增后覆盖 {share}（+{gain}）· {solver}，{status}',
  gain: '+{gain}',
  failed: '失败：{reason}',
  needKey: '请填写规划员密钥',
  zoomForRadius: '放大地图可看到驿站覆盖范围',
} as const;

export type PlannerKey = keyof typeof zh;

const en: Record<PlannerKey, string> = {
  toggle: 'Plan',
  toggleLabel: 'Open or close the planner view',
  title: 'Site planning',
  layer: 'Demand layer',
  radius: 'Coverage radius (m)',
  kind: 'Existing station kinds',
  allKinds: 'All kinds',
  showCoverage: 'Show coverage',
  coverage: 'Covered {share} ({covered} of {total})',
  p: 'New sites',
  solver: 'Solver',
  key: 'Planner key',
  suggest: 'Suggest sites',
  running: 'Working… {percent}',
  result: 'Covered after: {share} (+{gain}) · {solver}, {status}',
  gain: '+{gain}',
  failed: 'Failed: {reason}',
  needKey: 'Enter a planner key',
  zoomForRadius: 'Zoom in to see each station’s reach',
};

export function plannerText(lang: Lang, key: PlannerKey, params: Record<string, string | number> = {}): string {
  const template = (lang === 'en' ? en : zh)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
