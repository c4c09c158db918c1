// The appeals, 申诉 / 复核 actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { appealDecide } from './appealDecide'
import { appealFile } from './appealFile'
import { appealList } from './appealList'
import { appealMine } from './appealMine'

export const appealHandlers = {
  'appeal.mine': appealMine,
  'appeal.file': appealFile,
  'appeal.list': appealList,
  'appeal.decide': appealDecide,
} satisfies HandlerTable
