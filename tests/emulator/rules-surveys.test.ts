import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-surveys'
let env: RulesTestEnvironment

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.survey('open')), { status: 'published', points: 40 })
    await setDoc(doc(db, paths.survey('draft')), { status: 'draft', points: 40 })
    await setDoc(doc(db, paths.surveyResponse('open', 'alice')), { uid: 'alice', answers: { q: 'a' }, outcome: { paid: true } })
    await setDoc(doc(db, paths.surveyResponse('open', 'bob')), { uid: 'bob', answers: { q: 'b' }, outcome: { paid: true } })
    await setDoc(doc(db, paths.surveyStart('open', 'alice')), { uid: 'alice', startedAt: new Date() })
    await setDoc(doc(db, paths.surveyStatsShard('open', 0)), { responses: 2 })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const alice = () => env.authenticatedContext('alice').firestore()
const operator = () => env.authenticatedContext('admin-1', { role: 'admin' }).firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('surveys', () => {
  it('members read published surveys, by document or by a query for published ones', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.survey('open'))))
    await assertSucceeds(getDocs(query(collection(alice(), 'surveys'), where('status', '==', 'published'))))
  })

  it('nobody reads a draft, lists every survey, or reads signed out', async () => {
    await assertFails(getDoc(doc(alice(), paths.survey('draft'))))
    await assertFails(getDocs(collection(alice(), 'surveys')))
    await assertFails(getDoc(doc(anonymous(), paths.survey('open'))))
  })

  it('no client writes a survey, not even an operator', async () => {
    await assertFails(setDoc(doc(alice(), paths.survey('mine')), { status: 'published', points: 10_000 }))
    await assertFails(updateDoc(doc(operator(), paths.survey('open')), { points: 10_000 }))
    await assertFails(deleteDoc(doc(alice(), paths.survey('open'))))
  })
})

describe('survey responses', () => {
  it('a member reads their own response', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.surveyResponse('open', 'alice'))))
  })

  it('a member never reads another member’s answers, nor lists the responses', async () => {
    await assertFails(getDoc(doc(alice(), paths.surveyResponse('open', 'bob'))))
    await assertFails(getDocs(collection(alice(), paths.surveyResponse('open', 'x').replace(/\/x$/, ''))))
  })

  it('no client writes a response, their own included', async () => {
    await assertFails(setDoc(doc(alice(), paths.surveyResponse('draft', 'alice')), { uid: 'alice', answers: {}, outcome: { paid: true } }))
    await assertFails(updateDoc(doc(alice(), paths.surveyResponse('open', 'alice')), { 'outcome.paid': false }))
    await assertFails(deleteDoc(doc(alice(), paths.surveyResponse('open', 'alice'))))
  })

  it('start times and result shards are server-only', async () => {
    await assertFails(getDoc(doc(alice(), paths.surveyStart('open', 'alice'))))
    await assertFails(setDoc(doc(alice(), paths.surveyStart('open', 'alice')), { uid: 'alice', startedAt: new Date(0) }))
    await assertFails(getDoc(doc(alice(), paths.surveyStatsShard('open', 0))))
    await assertFails(getDoc(doc(operator(), paths.surveyStatsShard('open', 0))))
    await assertFails(setDoc(doc(alice(), paths.surveyStatsShard('open', 1)), { responses: 1000 }))
  })
})
