// A resident's rating and the worker's code it starts from: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { workerCard } from './workerCard'
import { ratingSubmit } from './ratingSubmit'
import { workerQrcode } from './workerQrcode'

export const ratingHandlers = {
  'worker.card': workerCard,
  'rating.submit': ratingSubmit,
  'worker.qrcode': workerQrcode,
} satisfies HandlerTable
