// The bad-review loop, 差评回访整改 actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { caseCallback } from './caseCallback'
import { caseConfirm } from './caseConfirm'
import { caseContact } from './caseContact'
import { caseGet } from './caseGet'
import { caseList } from './caseList'
import { caseMine } from './caseMine'
import { caseRectify } from './caseRectify'
import { caseWorker } from './caseWorker'

export const caseHandlers = {
  'case.list': caseList,
  'case.get': caseGet,
  'case.callback': caseCallback,
  'case.rectify': caseRectify,
  'case.mine': caseMine,
  'case.confirm': caseConfirm,
  'case.contact': caseContact,
  'case.worker': caseWorker,
} satisfies HandlerTable
