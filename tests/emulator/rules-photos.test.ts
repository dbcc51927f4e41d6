import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Bytes, Timestamp, collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches other tests' data.
const PROJECT_ID = 'demo-moadon-rules-photos'
let env: RulesTestEnvironment

const PHOTO = 'AbCdEfGhIjKlMnOpQrSt'
const record = (uid: string, status: string) => ({
  uid,
  status,
  owner: status === 'attached' ? { kind: 'review', id: 'a'.repeat(64) } : null,
  type: 'image/webp',
  width: 1200,
  height: 900,
  size: 10,
  createdAt: Timestamp.now(),
})
const variant = { bytes: Bytes.fromUint8Array(new Uint8Array([1, 2, 3])), type: 'image/webp', width: 1200, height: 900, etag: '"x"' }

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

afterAll(async () => {
  await env.cleanup()
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.photo(PHOTO)), record('alice', 'attached'))
    await setDoc(doc(db, paths.photoVariant(PHOTO, 'full')), variant)
    await setDoc(doc(db, paths.photoUsage('alice~2026-11-27')), { uid: 'alice', day: '2026-11-27', count: 1 })
  })
})

describe('photos', () => {
  it('the server (rules aside) reads a photo and its bytes; the photo function serves them', async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      await assertSucceeds(getDoc(doc(context.firestore(), paths.photoVariant(PHOTO, 'full'))))
    })
  })

  it('no client reads a photo, its bytes or the upload counts, not even its owner or an operator', async () => {
    for (const context of [
      env.authenticatedContext('alice'),
      env.authenticatedContext('bob'),
      env.authenticatedContext('op', { role: 'admin' }),
      env.unauthenticatedContext(),
    ]) {
      const db = context.firestore()
      await assertFails(getDoc(doc(db, paths.photo(PHOTO))))
      await assertFails(getDoc(doc(db, paths.photoVariant(PHOTO, 'full'))))
      await assertFails(getDocs(collection(db, 'photos')))
      await assertFails(getDoc(doc(db, paths.photoUsage('alice~2026-11-27'))))
    }
  })

  it('no client writes a photo: no upload around uploadPhoto’s checks, no attaching, no deleting, no resetting the daily count', async () => {
    const alice = env.authenticatedContext('alice').firestore()
    await assertFails(setDoc(doc(alice, paths.photo('ZZZZZZZZZZZZZZZZZZZZ')), record('alice', 'pending')))
    await assertFails(setDoc(doc(alice, paths.photoVariant('ZZZZZZZZZZZZZZZZZZZZ', 'full')), variant))
    await assertFails(updateDoc(doc(alice, paths.photo(PHOTO)), { status: 'pending' }))
    await assertFails(setDoc(doc(alice, paths.photoVariant(PHOTO, 'full')), { ...variant, type: 'text/html' }))
    await assertFails(deleteDoc(doc(alice, paths.photo(PHOTO))))
    await assertFails(setDoc(doc(alice, paths.photoUsage('alice~2026-11-27')), { uid: 'alice', day: '2026-11-27', count: 0 }))
    const admin = env.authenticatedContext('op', { role: 'admin' }).firestore()
    await assertFails(setDoc(doc(admin, paths.photo('YYYYYYYYYYYYYYYYYYYY')), record('op', 'attached')))
  })
})
