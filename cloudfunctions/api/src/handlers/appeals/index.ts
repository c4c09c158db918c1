// The appeals, 申诉 / 复核 (issue 9, item 7) actions of the function api; spread into ../index.ts.
import type { HandlerTable } from '../../context'
import { appealDecide } from './appealDecide'
import { appealFile } from './appealFile'
import { appealList } from './appealList'
import { appealMine } from './appealMine'

export const appealHandlers: HandlerTable = {
  'appeal.mine': appealMine,
  'appeal.file': appealFile,
  'appeal.list': appealList,
  'appeal.decide': appealDecide,
}
