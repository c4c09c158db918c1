// The InviteStore contract (backend/invites/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): an invite
// works once and until it expires; accepting it binds the openid to the invite's worker record, moves the
// binding away from whoever held the record (they become a resident) and records the change; a refused
// acceptance changes nothing; and at once, of two acceptances of one invite exactly one wins, an openid
// never gets two records and a record never gets two openids. getPrincipal sees every change at once.
import type { OrgSeed, PrincipalRecord, Store } from '@backend/store'
import type { InviteRecord, StaffInviteRecord, StaffPrincipal, WorkerPrincipal } from '@backend/invites/store'
import { SID, orgOf } from '../storeContract'

const COMMUNITY = `${SID}-c1`
const MARCH_1 = '2026-03-01T02:00:00.000Z'
/** 7 days after MARCH_1. */
const MARCH_8 = '2026-03-08T02:00:00.000Z'
const MARCH_3 = '2026-03-03T02:00:00.000Z'

/** W0001 bound (the seed's way, no invite) to o-old; W0002 and W0003 not bound; o-admin the community admin. */
function org(): OrgSeed {
  const seed = orgOf(SID, 3)
  seed.principals.push(
    { openid: 'o-old', role: 'worker', name: '工作者1', workerCode: 'W0001', communityId: COMMUNITY, subdistrictId: SID },
    { openid: 'o-admin', role: 'community', name: '测试社区 管理员', communityId: COMMUNITY, subdistrictId: SID },
  )
  return seed
}

export function invite(inviteCode: string, workerCode: string, extra: Partial<InviteRecord> = {}): InviteRecord {
  return { inviteCode, workerCode, communityId: COMMUNITY, createdBy: 'o-admin', createdAt: MARCH_1, expiresAt: MARCH_8, ...extra }
}

function worker(openid: string, workerCode: string): WorkerPrincipal {
  const index = Number(workerCode.slice(1))
  return { openid, role: 'worker', name: `工作者${index}`, workerCode, communityId: COMMUNITY, subdistrictId: SID }
}

const openidsOf = (principals: PrincipalRecord[], workerCode: string) => principals.filter((p) => p.workerCode === workerCode).map((p) => p.openid)

export function describeInviteStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`InviteStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(org())
    })

    /** Everything an acceptance may change, to compare before and after a refused one. */
    const everything = async (codes: string[]) => ({
      invites: await Promise.all(codes.map((code) => store.invites.getInvite(code))),
      listed: await Promise.all(['W0001', 'W0002', 'W0003'].map((code) => store.invites.listInvites(code))),
      principals: (await store.listPrincipals()).sort((a, b) => (a.openid < b.openid ? -1 : 1)),
      changes: await Promise.all(['W0001', 'W0002', 'W0003'].map((code) => store.invites.listBindingChanges(code))),
      bound: (await store.invites.listBoundWorkerCodes(['W0001', 'W0002', 'W0003'])).sort(),
    })

    it("keeps an invite under its code, unused, and lists a record's invites oldest first; an unknown code is null", async () => {
      await store.invites.putInvite(invite('Iabcdefghij00001', 'W0002', { createdAt: '2026-03-02T00:00:00.000Z' }))
      await store.invites.putInvite(invite('Iabcdefghij00003', 'W0002'))
      await store.invites.putInvite(invite('Iabcdefghij00004', 'W0003'))
      expect(await store.invites.getInvite('Iabcdefghij00001')).toStrictEqual(invite('Iabcdefghij00001', 'W0002', { createdAt: '2026-03-02T00:00:00.000Z' }))
      expect(await store.invites.getInvite('Iabcdefghij00002')).toBeNull()
      expect((await store.invites.listInvites('W0002')).map((i) => i.inviteCode)).toEqual(['Iabcdefghij00003', 'Iabcdefghij00001'])
      expect(await store.invites.listInvites('W0001')).toEqual([])
    })

    it('refuses a second invite under a code that is taken, and keeps the first', async () => {
      await store.invites.putInvite(invite('Itaken00000001', 'W0002'))
      // Not `.rejects.toThrow()`: jest does not always see better-sqlite3's SqliteError as an Error (another realm).
      const second = await store.invites.putInvite(invite('Itaken00000001', 'W0003')).then(() => 'stored', () => 'refused')
      expect(second).toBe('refused')
      expect(await store.invites.getInvite('Itaken00000001')).toMatchObject({ workerCode: 'W0002' })
    })

    it('binds an unbound record: the principal, the invite marked used, one change from nobody', async () => {
      await store.invites.putInvite(invite('Ifree0000000001', 'W0002'))
      expect(await store.getPrincipal('o-new')).toBeNull() // read once, so a cache would hold it
      const outcome = await store.invites.acceptInvite({ inviteCode: 'Ifree0000000001', principal: worker('o-new', 'W0002'), at: MARCH_3 })
      const change = { inviteCode: 'Ifree0000000001', workerCode: 'W0002', oldOpenid: null, newOpenid: 'o-new', at: MARCH_3 }
      expect(outcome).toEqual({ accepted: true, change })
      expect(await store.getPrincipal('o-new')).toEqual(worker('o-new', 'W0002'))
      expect(await store.invites.getInvite('Ifree0000000001')).toEqual({ ...invite('Ifree0000000001', 'W0002'), usedBy: 'o-new', usedAt: MARCH_3 })
      expect(await store.invites.listBindingChanges('W0002')).toEqual([change])
      expect((await store.invites.listBoundWorkerCodes(['W0001', 'W0002', 'W0003'])).sort()).toEqual(['W0001', 'W0002'])
    })

    it('moves a bound record to the new openid: the old one becomes a resident, the change names both', async () => {
      await store.invites.putInvite(invite('Imove000000001', 'W0001'))
      expect((await store.getPrincipal('o-old'))?.workerCode).toBe('W0001')
      const outcome = await store.invites.acceptInvite({ inviteCode: 'Imove000000001', principal: worker('o-new', 'W0001'), at: MARCH_3 })
      expect(outcome).toMatchObject({ accepted: true, change: { oldOpenid: 'o-old', newOpenid: 'o-new' } })
      expect(await store.getPrincipal('o-old')).toBeNull()
      expect((await store.getPrincipal('o-new'))?.workerCode).toBe('W0001')
      expect(openidsOf(await store.listPrincipals(), 'W0001')).toEqual(['o-new'])
      expect(await store.invites.listBindingChanges('W0001')).toEqual([
        { inviteCode: 'Imove000000001', workerCode: 'W0001', oldOpenid: 'o-old', newOpenid: 'o-new', at: MARCH_3 },
      ])
    })

    it('keeps every change of a record, oldest first: o-old → o-a → o-b', async () => {
      await store.invites.putInvite(invite('Ichain00000001', 'W0001'))
      await store.invites.putInvite(invite('Ichain00000002', 'W0001'))
      await store.invites.acceptInvite({ inviteCode: 'Ichain00000001', principal: worker('o-a', 'W0001'), at: '2026-03-02T00:00:00.000Z' })
      await store.invites.acceptInvite({ inviteCode: 'Ichain00000002', principal: worker('o-b', 'W0001'), at: '2026-03-04T00:00:00.000Z' })
      expect((await store.invites.listBindingChanges('W0001')).map((c) => [c.oldOpenid, c.newOpenid])).toEqual([
        ['o-old', 'o-a'],
        ['o-a', 'o-b'],
      ])
      expect(openidsOf(await store.listPrincipals(), 'W0001')).toEqual(['o-b'])
    })

    const refusals: Array<[string, () => Promise<void>, string, WorkerPrincipal, string, 'used' | 'bound' | 'expired']> = [
      [
        'a used invite',
        async () => {
          await store.invites.putInvite(invite('Irefuse0000001', 'W0002'))
          await store.invites.acceptInvite({ inviteCode: 'Irefuse0000001', principal: worker('o-first', 'W0002'), at: MARCH_3 })
        },
        'Irefuse0000001',
        worker('o-second', 'W0002'),
        MARCH_3,
        'used',
      ],
      ['an openid bound already', () => store.invites.putInvite(invite('Irefuse0000001', 'W0002')), 'Irefuse0000001', worker('o-old', 'W0002'), MARCH_3, 'bound'],
      ['an invite at its expiry instant', () => store.invites.putInvite(invite('Irefuse0000001', 'W0002')), 'Irefuse0000001', worker('o-new', 'W0002'), MARCH_8, 'expired'],
    ]
    it.each(refusals)('refuses %s and changes nothing', async (_title, arrange, inviteCode, principal, at, reason) => {
      await arrange()
      const before = await everything([inviteCode])
      expect(await store.invites.acceptInvite({ inviteCode, principal, at })).toEqual({ accepted: false, reason })
      expect(await everything([inviteCode])).toEqual(before)
    })

    it('lets exactly one of two people accepting one invite at once win', async () => {
      await store.invites.putInvite(invite('Irace000000001', 'W0002'))
      const outcomes = await Promise.all(
        ['o-p', 'o-q'].map((openid) => store.invites.acceptInvite({ inviteCode: 'Irace000000001', principal: worker(openid, 'W0002'), at: MARCH_3 })),
      )
      expect(outcomes.filter((o) => o.accepted)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.accepted)).toEqual([{ accepted: false, reason: 'used' }])
      const winner = (await store.invites.getInvite('Irace000000001'))?.usedBy
      expect(openidsOf(await store.listPrincipals(), 'W0002')).toEqual([winner])
      expect(await store.invites.listBindingChanges('W0002')).toHaveLength(1)
    })

    it('never binds one record to two openids, when two invites for it are accepted at once', async () => {
      // W0002 is unbound: the two acceptances share no principal to remove, only the record itself.
      await store.invites.putInvite(invite('Itwo0000000001', 'W0002'))
      await store.invites.putInvite(invite('Itwo0000000002', 'W0002'))
      const outcomes = await Promise.all([
        store.invites.acceptInvite({ inviteCode: 'Itwo0000000001', principal: worker('o-a', 'W0002'), at: MARCH_3 }),
        store.invites.acceptInvite({ inviteCode: 'Itwo0000000002', principal: worker('o-b', 'W0002'), at: MARCH_3 }),
      ])
      // Both land, one after the other: the later one takes the record from the earlier.
      expect(outcomes.map((o) => o.accepted)).toEqual([true, true])
      const bound = openidsOf(await store.listPrincipals(), 'W0002')
      expect(bound).toHaveLength(1)
      const later = bound[0]
      const earlier = later === 'o-a' ? 'o-b' : 'o-a'
      const changes = await store.invites.listBindingChanges('W0002')
      expect(changes.map((c) => [c.oldOpenid, c.newOpenid]).sort()).toEqual([[null, earlier], [earlier, later]].sort())
      expect(await store.getPrincipal(earlier)).toBeNull()
    })

    it('never binds one openid to two records, when it accepts two invites at once', async () => {
      await store.invites.putInvite(invite('Iboth000000002', 'W0002'))
      await store.invites.putInvite(invite('Iboth000000003', 'W0003'))
      const outcomes = await Promise.all([
        store.invites.acceptInvite({ inviteCode: 'Iboth000000002', principal: worker('o-p', 'W0002'), at: MARCH_3 }),
        store.invites.acceptInvite({ inviteCode: 'Iboth000000003', principal: worker('o-p', 'W0003'), at: MARCH_3 }),
      ])
      expect(outcomes.filter((o) => o.accepted)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.accepted)).toEqual([{ accepted: false, reason: 'bound' }])
      const won = outcomes[0].accepted ? 'W0002' : 'W0003'
      const lost = won === 'W0002' ? 'Iboth000000003' : 'Iboth000000002'
      expect((await store.getPrincipal('o-p'))?.workerCode).toBe(won)
      // The losing invite is as it was: still unused, so the right person can still take it.
      expect((await store.invites.getInvite(lost))?.usedBy).toBeUndefined()
    })

    it('lists no bound records for no codes', async () => {
      expect(await store.invites.listBoundWorkerCodes([])).toEqual([])
    })

    // Staff invites: a new staff account, nobody's record moves.
    const adminInvite = (inviteCode: string): StaffInviteRecord => ({
      inviteCode,
      staff: { role: 'community', name: '周书记', subdistrictId: SID, communityId: COMMUNITY },
      createdBy: 'o-bureau',
      createdAt: MARCH_1,
      expiresAt: MARCH_8,
    })
    const admin = (openid: string): StaffPrincipal => ({ openid, role: 'community', name: '周书记', subdistrictId: SID, communityId: COMMUNITY })

    it('keeps a staff invite under its code, and binds its openid as that staff role with no binding change', async () => {
      await store.invites.putInvite(adminInvite('Istaff00000001'))
      expect(await store.invites.getInvite('Istaff00000001')).toEqual(adminInvite('Istaff00000001'))
      expect(await store.getPrincipal('o-zhou')).toBeNull() // read once, so a cache would hold it
      expect(await store.invites.acceptInvite({ inviteCode: 'Istaff00000001', principal: admin('o-zhou'), at: MARCH_3 })).toEqual({ accepted: true, change: null })
      expect(await store.getPrincipal('o-zhou')).toEqual(admin('o-zhou'))
      expect(await store.invites.getInvite('Istaff00000001')).toEqual({ ...adminInvite('Istaff00000001'), usedBy: 'o-zhou', usedAt: MARCH_3 })
      // o-admin, the community's other admin, is still one: a community may have several.
      expect((await store.getPrincipal('o-admin'))?.role).toBe('community')
    })

    const staffRefusals: Array<[string, () => Promise<unknown>, string, string, 'used' | 'bound' | 'expired']> = [
      ['used', () => store.invites.acceptInvite({ inviteCode: 'Istaff00000002', principal: admin('o-first'), at: MARCH_3 }), 'o-second', MARCH_3, 'used'],
      ['bound', async () => undefined, 'o-old', MARCH_3, 'bound'],
      ['expired', async () => undefined, 'o-new', MARCH_8, 'expired'],
    ]
    it.each(staffRefusals)('refuses a staff invite (%s) and changes nothing', async (_title, arrange, openid, at, reason) => {
      await store.invites.putInvite(adminInvite('Istaff00000002'))
      await arrange()
      const before = { invite: await store.invites.getInvite('Istaff00000002'), principals: await store.listPrincipals() }
      expect(await store.invites.acceptInvite({ inviteCode: 'Istaff00000002', principal: admin(openid), at })).toEqual({ accepted: false, reason })
      expect({ invite: await store.invites.getInvite('Istaff00000002'), principals: await store.listPrincipals() }).toEqual(before)
    })

    it('lets exactly one of two people accepting one staff invite at once win', async () => {
      await store.invites.putInvite(adminInvite('Istaffrace0001'))
      const outcomes = await Promise.all(['o-p', 'o-q'].map((openid) => store.invites.acceptInvite({ inviteCode: 'Istaffrace0001', principal: admin(openid), at: MARCH_3 })))
      expect(outcomes.filter((o) => o.accepted)).toHaveLength(1)
      const winner = (await store.invites.getInvite('Istaffrace0001'))?.usedBy
      expect((await store.listPrincipals()).filter((p) => p.openid === 'o-p' || p.openid === 'o-q').map((p) => p.openid)).toEqual([winner])
    })
  })
}
