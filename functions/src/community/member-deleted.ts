import { onDocumentDeleted } from 'firebase-functions/v2/firestore'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { removeMemberContent } from './moderation'

/** When a member's document is deleted (the member left), their posts and comments disappear. */
export const removeDeletedMemberContent = onDocumentDeleted(`${COLLECTIONS.members}/{uid}`, async (event) => {
  await removeMemberContent(db(), event.params.uid)
})
