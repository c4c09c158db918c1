// The city view's action of the function api; spread into ../handlers.ts (city.export is the function
// files', in ../fileHandlers.ts).
import type { HandlerTable } from '../context'
import { cityGet } from './cityGet'

export const cityHandlers = {
  'city.overview': cityGet,
} satisfies HandlerTable
