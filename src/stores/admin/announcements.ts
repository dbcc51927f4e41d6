import { defineStore } from 'pinia'
import type { CreatePostResult } from '@/domain/community/schemas'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { createPost } from '@/services/firebase/admin-api'

const INTENT = 'admin-announce'

export interface AnnouncementDraft {
  text: string
  pinned: boolean
  cta: { label: string; path: string } | null
}

/** Club announcements from the console: a post of kind announcement, through `createPost`. */
export const useAdminAnnouncementsStore = defineStore('admin-announcements', () => {
  /** The request id belongs to this text and is kept until answered, so a retry publishes once. */
  async function publish(draft: AnnouncementDraft): Promise<CreatePostResult> {
    const subject = draft.text.trim()
    const requestId = intentRequestId(INTENT, subject)
    try {
      const result = await createPost({
        requestId,
        text: draft.text,
        announcement: { pinned: draft.pinned, ...(draft.cta ? { cta: draft.cta } : {}) },
      })
      settleIntent(INTENT, subject)
      return result
    } catch (error) {
      if (!(error instanceof AppError) || !isTransient(error.code)) settleIntent(INTENT, subject)
      throw error
    }
  }

  return { publish }
})
