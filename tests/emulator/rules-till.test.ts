// The till's day log is the server's: the till reads it through listTillDay (its own store only),
// never directly, and no client writes it.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { COLLECTIONS, idOf, paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-till'
let env: RulesTestEnvironment

const ROW = idOf('purchase', 'cafe-shachar', 'R1')
const row = { kind: 'purchase', partnerId: 'cafe-shachar', tillId: 'till-0001', by: 'staff-1', day: '2026-11-27', receiptId: 'R1', points: 40, displayName: 'Dana K.' }

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

afterAll(async () => {
  await env.cleanup()
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (ctx) => {
    await setDoc(doc(ctx.firestore(), paths.tillLogEntry(ROW)), row)
  })
})

const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe-shachar' }).firestore()
const operator = () => env.authenticatedContext('op', { role: 'admin' }).firestore()

describe('till log', () => {
  it('the server (rules aside) reads the row it wrote', async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await assertSucceeds(getDoc(doc(ctx.firestore(), paths.tillLogEntry(ROW))))
    })
  })

  it('is read by no client, not even the staff who did it or an operator', async () => {
    await assertFails(getDoc(doc(staff(), paths.tillLogEntry(ROW))))
    await assertFails(getDocs(query(collection(staff(), COLLECTIONS.tillLog), where('partnerId', '==', 'cafe-shachar'))))
    await assertFails(getDoc(doc(operator(), paths.tillLogEntry(ROW))))
    await assertFails(getDoc(doc(env.authenticatedContext('alice').firestore(), paths.tillLogEntry(ROW))))
  })

  it('is written by no client', async () => {
    await assertFails(setDoc(doc(staff(), paths.tillLogEntry(idOf('refund', 'cafe-shachar', 'R1'))), { ...row, kind: 'refund' }))
    await assertFails(setDoc(doc(staff(), paths.tillLogEntry(ROW)), { ...row, points: 4000 }))
    await assertFails(deleteDoc(doc(staff(), paths.tillLogEntry(ROW))))
  })
})
