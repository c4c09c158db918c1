import { askForNewInvite, chinaDateTimeLabel, inviteExpiresAt, isInviteExpired, staffPlaceLabel, type StaffInviteCard } from './invites'

describe('an invite’s 7 days', () => {
  it('ends 7 x 24 hours after it is made', () => {
    expect(inviteExpiresAt(new Date('2026-04-10T02:00:00.000Z')).toISOString()).toBe('2026-04-17T02:00:00.000Z')
    // across the end of a month and a year
    expect(inviteExpiresAt(new Date('2026-12-28T23:30:00.000Z')).toISOString()).toBe('2027-01-04T23:30:00.000Z')
  })

  it('is expired from the instant it ends, not a millisecond before', () => {
    const end = '2026-04-17T02:00:00.000Z'
    expect(isInviteExpired(end, new Date('2026-04-17T01:59:59.999Z'))).toBe(false)
    expect(isInviteExpired(end, new Date(end))).toBe(true)
  })

  it('is shown in China time (UTC+8), to the minute', () => {
    expect(chinaDateTimeLabel('2026-04-17T02:00:00.000Z')).toBe('2026年4月17日 10:00')
    // 16:05 UTC is already the next day in China
    expect(chinaDateTimeLabel('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
  })
})

describe('who to ask for a new invite', () => {
  it('names whoever makes that kind of invite: the community admin, the bureau, the bureau or the sub-district office', () => {
    expect(askForNewInvite('worker')).toBe('请向社区管理员要一个新的邀请码。')
    expect(askForNewInvite('subdistrict')).toBe('请向市民政局要一个新的邀请码。')
    expect(askForNewInvite('community')).toBe('请向街道办事处或市民政局要一个新的邀请码。')
  })

  it('says where a staff invite makes its holder work, and as what', () => {
    const card: StaffInviteCard = { inviteCode: 'I123456789abcde', expiresAt: '2026-04-17T02:00:00.000Z', status: 'open', role: 'community', name: '周书记', subdistrict: '浮山办事处', community: '银泉社区' }
    expect(staffPlaceLabel(card)).toBe('浮山办事处 银泉社区的社区管理员')
    expect(staffPlaceLabel({ ...card, role: 'subdistrict', community: '' })).toBe('浮山办事处的街道工作人员')
  })
})
