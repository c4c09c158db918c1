// Plain Chinese for the flags and grades a sub-district clerk reads on the evaluation page.
import { DEFAULT_SETTINGS } from './settings'
import type { Flag, Grade, Settings } from './types'

/** Explanation of a flag; thresholds come from the settings in force, not from the defaults. */
export function flagText(flag: Flag, settings: Pick<Settings, 'minResidents' | 'minRecipients'>): string {
  switch (flag) {
    case 'FEW_RESIDENTS':
      return `居民评价不足 ${settings.minResidents} 条，结果仅供参考，本期不参评优秀`
    case 'FEW_RECIPIENTS':
      return `服务对象评价不足 ${settings.minRecipients} 条，结果仅供参考，本期不参评优秀`
    case 'NO_RESIDENTS':
      return '本期没有居民评价，总分按其他各方计算，不参评优秀'
    case 'NO_RECIPIENTS':
      return '本期没有服务对象评价，总分按其他各方计算，不参评优秀'
    case 'NO_SUBDISTRICT_SCORE':
      return '街道还没有打分，总分按其他各方计算，不参评优秀'
    case 'NO_YEAR_END':
      return '缺少年终考核分，暂时算不出年度成绩'
    case 'UNDER_REVIEW':
      return '有评价待街道复核，复核前照常计分'
  }
}

const ALL_FLAGS: Flag[] = ['FEW_RESIDENTS', 'FEW_RECIPIENTS', 'NO_RESIDENTS', 'NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE', 'NO_YEAR_END', 'UNDER_REVIEW']

/** The texts with the default thresholds; use `flagText(flag, settings)` when settings are at hand. */
export const FLAG_TEXT: Record<Flag, string> = Object.fromEntries(
  ALL_FLAGS.map((flag) => [flag, flagText(flag, DEFAULT_SETTINGS)]),
) as Record<Flag, string>

/** Grades best first, for sorting and for legends. */
export const GRADE_ORDER: Grade[] = ['优秀', '称职', '基本称职', '不称职', '未评定']
