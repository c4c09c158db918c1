import type { SheetKind } from '../core/sheets'
import { useApiMutation, useApiQuery } from './useApi'

/** The scoring sheet of a period (or the year-end review); nothing is loaded until `enabled`. */
export function useSheet(kind: SheetKind, period: string, subdistrictId: string | null, enabled = true) {
  const payload = subdistrictId ? { kind, period, subdistrictId } : { kind, period }
  return useApiQuery('sheet.get', enabled ? payload : null)
}

export function useSaveSheet() {
  return useApiMutation('sheet.save')
}

export function useSubmitSheet() {
  return useApiMutation('sheet.submit')
}

export function useChangeSheet() {
  return useApiMutation('sheet.change')
}
