// session.me: who the caller is, as the server sees them. Identity comes only from the runtime, so the
// mini-program asks here to tell a clerk from a resident (which staff entries to show). Anyone may ask;
// an anonymous or unbound caller is a resident. The openid is never echoed back.
import type { Session } from '@core/types'
import type { Handler } from '../context'
import { workplaceOf } from '../access/principals'

export const sessionMe: Handler<'session.me'> = async (_payload, { caller, store }) => {
  const principal = caller.principal
  // Before setup anyone is told so: whoever opens a fresh environment first learns what to do.
  if (principal === null) return caller.storeNotSetUp === true ? { role: 'resident', setupNeeded: true } : { role: 'resident' }
  const session: Session = { role: principal.role, name: principal.name, ...(await workplaceOf(principal, store)) }
  // The bureau is who sets the cloud environment up; the home page offers it 初始化 until then.
  if (principal.role === 'bureau' && !(await store.isSetUp())) session.setupNeeded = true
  return session
}
