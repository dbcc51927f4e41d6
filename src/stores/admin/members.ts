import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MemberSummary } from '@/domain/admin/members'
import type { Member } from '@/domain/members/member'
import type { LedgerEntry } from '@/domain/points/ledger'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import {
  adjustPoints,
  correctBirthday as correctBirthdayCall,
  fetchLedgerPage,
  fetchReceipt,
  findMember,
  watchMemberDoc,
  type PageCursor,
  type ReceiptRecord,
} from '@/services/firebase/admin-api'

export type { ReceiptRecord }

const ADJUST_INTENT = 'admin-adjust'
const PAGE_SIZE = 25

/** The console's members: search, one member's page (live document, paged ledger), adjustments. */
export const useAdminMembersStore = defineStore('admin-members', () => {
  const found = ref<MemberSummary | null>(null)

  /** Throws an AppError the screen translates (`member-not-found`, `member-query`). */
  async function search(query: string): Promise<MemberSummary> {
    found.value = null
    const { member } = await findMember({ query })
    found.value = member
    return member
  }

  const member = ref<Member | null>(null)
  const memberStatus = ref<'idle' | 'loading' | 'ready' | 'missing' | 'error'>('idle')
  const entries = ref<LedgerEntry[]>([])
  const next = ref<PageCursor | null>(null)
  const ledgerStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  let stop: (() => void) | null = null
  let openUid: string | null = null

  function open(uid: string) {
    if (openUid === uid && stop) return
    close()
    openUid = uid
    memberStatus.value = 'loading'
    stop = watchMemberDoc(
      uid,
      (value) => {
        member.value = value
        memberStatus.value = value ? 'ready' : 'missing'
      },
      () => (memberStatus.value = 'error'),
    )
    void reloadLedger()
  }

  function close() {
    stop?.()
    stop = null
    openUid = null
    member.value = null
    memberStatus.value = 'idle'
    entries.value = []
    next.value = null
    ledgerStatus.value = 'idle'
  }

  async function reloadLedger() {
    if (!openUid) return
    entries.value = []
    next.value = null
    await loadMore()
  }

  async function loadMore() {
    const uid = openUid
    if (!uid || ledgerStatus.value === 'loading') return
    ledgerStatus.value = 'loading'
    try {
      const page = await fetchLedgerPage(uid, { after: next.value, pageSize: PAGE_SIZE })
      if (uid !== openUid) return
      entries.value = [...entries.value, ...page.entries]
      next.value = page.next
      ledgerStatus.value = 'ready'
    } catch {
      ledgerStatus.value = 'error'
    }
  }

  const receipts = new Map<string, Promise<ReceiptRecord | null>>()
  /** A purchase's receipt (staff, till, amount), read once per page visit when the operator asks. */
  function receipt(partnerId: string, receiptId: string): Promise<ReceiptRecord | null> {
    const key = `${partnerId}\n${receiptId}`
    let pending = receipts.get(key)
    if (!pending) {
      pending = fetchReceipt(partnerId, receiptId)
      receipts.set(key, pending)
      pending.catch(() => receipts.delete(key))
    }
    return pending
  }

  /**
   * An adjustment: the request id belongs to this exact correction (member, points, reason) and is
   * kept on the device until the server answers, so a retry after a lost answer is paid once.
   */
  async function adjust(params: { uid: string; memberNo: string; points: number; note: string }) {
    const subject = `${params.uid}|${params.points}|${params.note.trim()}`
    const requestId = intentRequestId(ADJUST_INTENT, subject)
    try {
      const result = await adjustPoints({ memberNo: params.memberNo, points: params.points, note: params.note, requestId })
      settleIntent(ADJUST_INTENT, subject)
      await reloadLedger()
      return result
    } catch (error) {
      if (!(error instanceof AppError) || !isTransient(error.code)) settleIntent(ADJUST_INTENT, subject)
      throw error
    }
  }

  /** An operator's correction of the member's birthday (the member set it once); the audit keeps the reason. */
  async function correctBirthday(params: { memberNo: string; birthday: string; calendar: 'gregorian' | 'hebrew'; reason: string }) {
    return correctBirthdayCall({ ...params, reason: params.reason.trim() })
  }

  return { found, search, member, memberStatus, entries, next, ledgerStatus, open, close, loadMore, reloadLedger, receipt, adjust, correctBirthday }
})
