// Staff accounts and the audit log, tried as the attacker would: a cashier making itself staff
// elsewhere or reinstating itself, a member granting itself the till, an operator's address made
// staff, a burst of grants and revocations, and a replayed purchase trying to log twice. Each
// refusal is asserted by its code and reason, and that nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GrantStaffResult, RevokeStaffResult } from '../../../src/domain/admin/staff'
import type { PurchaseResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../../src/domain/contracts/callable-schemas'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, TEST_TILL, type Client } from '../support/club'
import { unique } from '../support/referrals'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from '../support/emulators'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const grantBy = (caller: Client, input: object) => caller.call<object, GrantStaffResult>('grantStaff', input)
const revokeBy = (caller: Client, uid: string) => caller.call<object, RevokeStaffResult>('revokeStaff', { uid })
const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const typed = (member: { memberNo: string }, amount: number, receipt = receiptId()): RecordPurchaseInput => ({
  memberNo: member.memberNo,
  typedReason: 'phone-battery',
  amount,
  receiptId: receipt,
  tillId: TEST_TILL,
})

async function tillAccount() {
  const email = `till.${unique()}@example.test`
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  return { uid: user.uid, email }
}
const signedIn = (account: { email: string }) => newClient({ signIn: { email: account.email, password: 'secret-123' } })

/** Everything a refused grant or revocation must leave as it was. */
async function standing(uid: string) {
  const record = await admin().db.doc(paths.staffAccount(uid)).get()
  const user = await admin().auth.getUser(uid)
  const logged = await admin().db.collection(COLLECTIONS.audit).where('target', '==', uid).get()
  return { record: record.exists ? record.data() : null, claims: user.customClaims ?? {}, audit: logged.size }
}

describe('who may grant and revoke', () => {
  it('refuses a cashier granting itself another store, reinstating itself, or revoking a colleague', async () => {
    const me = await tillAccount()
    const colleague = await tillAccount()
    await grantBy(operator, { email: me.email, partnerId: 'super-hashchuna' })
    await grantBy(operator, { email: colleague.email, partnerId: 'super-hashchuna' })
    const cashier = await signedIn(me)
    const [mine, theirs] = [await standing(me.uid), await standing(colleague.uid)]

    expect(await failure(grantBy(cashier, { email: me.email, partnerId: 'cafe-shachar' }))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(revokeBy(cashier, colleague.uid))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await standing(me.uid)).toEqual(mine)
    expect(await standing(colleague.uid)).toEqual(theirs)

    await revokeBy(operator, me.uid)
    const revoked = await standing(me.uid)
    expect(await failure(grantBy(cashier, { email: me.email, partnerId: 'super-hashchuna' }))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(purchase(cashier, typed(await joinedMember(), 10)))).toEqual({ code: 'permission-denied', reason: 'staff-revoked' })
    expect(await standing(me.uid)).toEqual(revoked)
  })

  it('refuses a member granting itself the till', async () => {
    const member = await joinedMember('Wants The Till')
    const email = (await admin().auth.getUser(member.uid)).email!
    const before = await standing(member.uid)
    expect(await failure(grantBy(member, { email, partnerId: 'cafe-shachar' }))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(revokeBy(member, member.uid))).toEqual({ code: 'permission-denied', reason: undefined })
    // Even an operator may not turn a member's own account into a till account.
    expect(await failure(grantBy(operator, { email, partnerId: 'cafe-shachar' }))).toEqual({ code: 'failed-precondition', reason: 'account-is-member' })
    expect(await standing(member.uid)).toEqual(before)
    expect(await failure(purchase(member, typed(await joinedMember(), 10)))).toEqual({ code: 'permission-denied', reason: undefined })
  })

  it('refuses making an operator’s account staff (it would lose the console), and keeps its claims', async () => {
    const other = await tillAccount()
    await admin().auth.setCustomUserClaims(other.uid, { role: 'admin' })
    const before = await standing(other.uid)
    expect(await failure(grantBy(operator, { email: other.email, partnerId: 'cafe-shachar' }))).toEqual({ code: 'failed-precondition', reason: 'account-is-admin' })
    expect(await failure(revokeBy(operator, other.uid))).toEqual({ code: 'not-found', reason: 'staff-not-found' })
    expect(await standing(other.uid)).toEqual(before)
    expect(before.claims).toEqual({ role: 'admin' })
  })

  it('ignores a staff record or claims written past the callables: the forged role opens nothing', async () => {
    const forger = await tillAccount()
    // A claim set by some other path (or left from an older version) without the server's record.
    await admin().auth.setCustomUserClaims(forger.uid, { role: 'staff', partnerId: 'cafe-shachar' })
    const client = await signedIn(forger)
    const member = await joinedMember('Forged Till Customer')
    expect(await failure(purchase(client, typed(member, 50)))).toEqual({ code: 'permission-denied', reason: 'staff-revoked' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })
})

describe('bursts', () => {
  it('20 grants, moves and revocations of one account at once end with its record, claims and log agreeing', async () => {
    const account = await tillAccount()
    await grantBy(operator, { email: account.email, partnerId: 'super-hashchuna' })
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 3 === 0
        ? revokeBy(operator, account.uid)
        : grantBy(operator, { email: account.email, partnerId: i % 3 === 1 ? 'cafe-shachar' : 'super-hashchuna' }),
    )
    await Promise.all(calls)

    const record = (await admin().db.doc(paths.staffAccount(account.uid)).get()).data()!
    const claims = (await admin().auth.getUser(account.uid)).customClaims ?? {}
    if (record.active) expect(claims).toEqual({ role: 'staff', partnerId: record.partnerId })
    else expect(claims).toEqual({})
    // Every change of the record was logged once, and nothing else was.
    const log = await admin().db.collection(COLLECTIONS.audit).where('target', '==', account.uid).get()
    expect(log.size).toBe(record.version)

    // The account's next call does what the record says.
    const staff = await signedIn(account)
    const member = await joinedMember('Burst Customer')
    const receipt = receiptId()
    if (record.active) {
      expect(await purchase(staff, typed(member, 30, receipt))).toMatchObject({ status: 'recorded' })
      expect((await admin().db.doc(paths.receipt(record.partnerId, receipt)).get()).exists).toBe(true)
    } else {
      // Signed in afresh, its token no longer says staff at all: refused as any member would be.
      expect(await failure(purchase(staff, typed(member, 30, receipt)))).toEqual({ code: 'permission-denied', reason: undefined })
      expect((await admin().db.doc(paths.receipt(record.partnerId, receipt)).get()).exists).toBe(false)
    }
  })

  it('20 copies of one purchase at once: one ledger entry, one audit entry, and a retry later adds neither', async () => {
    const account = await tillAccount()
    await grantBy(operator, { email: account.email, partnerId: 'super-hashchuna' })
    const staff = await signedIn(account)
    const member = await joinedMember('Replayed Customer')
    const input = typed(member, 70)
    const answers = await Promise.all(Array.from({ length: 20 }, () => purchase(staff, input)))
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1)
    expect(await purchase(staff, input)).toMatchObject({ replayed: true })

    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'purchase')).toHaveLength(1)
    const logged = await admin().db.collection(COLLECTIONS.audit).where('action', '==', 'recordPurchase').where('target', '==', input.receiptId).get()
    expect(logged.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ actor: { uid: account.uid, role: 'staff', partnerId: 'super-hashchuna', tillId: TEST_TILL }, memberUid: member.uid }),
    ])
  })

  it('a refused purchase logs nothing', async () => {
    const account = await tillAccount()
    await grantBy(operator, { email: account.email, partnerId: 'super-hashchuna' })
    const staff = await signedIn(account)
    const member = await joinedMember('Refused Customer')
    const receipt = receiptId()
    expect(await failure(purchase(staff, typed(member, 100_000, receipt)))).toMatchObject({ code: 'resource-exhausted' })
    expect((await admin().db.collection(COLLECTIONS.audit).where('target', '==', receipt).get()).size).toBe(0)
  })
})
