// The handlers the cloud function serves. The local runtime adds dev.identities on top;
// it is deliberately absent here, so it cannot exist in the cloud.
import type { HandlerTable } from '../context'
import { adminSetup } from './adminSetup'
import { evaluationGet } from './evaluationGet'
import { ratingSubmit } from './ratingSubmit'
import { scoreSubmit } from './scoreSubmit'
import { sessionMe } from './sessionMe'
import { workerCard } from './workerCard'

export const apiHandlers: HandlerTable = {
  'session.me': sessionMe,
  'worker.card': workerCard,
  'rating.submit': ratingSubmit,
  'score.submit': scoreSubmit,
  'evaluation.get': evaluationGet,
  'admin.setup': adminSetup,
}
