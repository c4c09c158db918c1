// session.me: who the caller is, as the server sees them. Identity comes only from the runtime, so the
// mini-program asks here to tell a clerk from a resident (which staff entries to show). Anyone may ask;
// an anonymous or unbound caller is a resident. The openid is never echoed back.
import type { Session } from '../../../../src/core/types'
import type { Handler } from '../context'
import { workplaceOf } from '../domain/principals'

export const sessionMe: Handler<'session.me'> = async (_payload, { caller, store }) => {
  const principal = caller.principal
  if (principal === null) return { role: 'resident' }
  const session: Session = { role: principal.role, name: principal.name, ...(await workplaceOf(principal, store)) }
  return session
}
