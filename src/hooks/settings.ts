import { useApiMutation, useApiQuery } from './useApi'

/** The scoring settings in force and their version; nothing is loaded until `enabled`. */
export function useSettings(enabled = true) {
  return useApiQuery('settings.get', enabled ? {} : null)
}

export function useSaveSettings() {
  return useApiMutation('settings.save')
}
