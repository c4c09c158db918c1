// The scoring-sheet actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { sheetChange } from './sheetChange'
import { sheetGet } from './sheetGet'
import { sheetSave } from './sheetSave'
import { sheetSubmit } from './sheetSubmit'

export const sheetHandlers = {
  'sheet.get': sheetGet,
  'sheet.save': sheetSave,
  'sheet.submit': sheetSubmit,
  'sheet.change': sheetChange,
} satisfies HandlerTable
