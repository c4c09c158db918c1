// The service hall: its duty rota, its code and the feedback given at its window; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { hallCard } from './hallCard'
import { hallFeedback } from './hallFeedback'
import { hallQrcode } from './hallQrcode'
import { hallRotaGenerate } from './hallRotaGenerate'
import { hallRotaGet } from './hallRotaGet'
import { hallRotaSave } from './hallRotaSave'

export const hallHandlers = {
  'hall.rota.get': hallRotaGet,
  'hall.rota.generate': hallRotaGenerate,
  'hall.rota.save': hallRotaSave,
  'hall.qrcode': hallQrcode,
  'hall.card': hallCard,
  'hall.feedback': hallFeedback,
} satisfies HandlerTable
