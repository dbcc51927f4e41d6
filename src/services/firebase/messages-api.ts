// The inbox's door to Firebase, apart from ./index.ts: only the inbox's lazy screens import it,
// so none of it weighs on the card route (see scripts/size-report.mjs).
import { FirebaseError } from 'firebase/app'
import { collection, doc, limit, onSnapshot, orderBy, query } from 'firebase/firestore'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import { isMessageKind, type InboxMessage } from '@/domain/messages/kinds'
import { storedMessageText } from '@/domain/messages/message-text'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { paths } from '@/domain/shared/paths'
import { db, functions } from './app'

/** The newest messages the inbox shows; older ones stay stored. */
export const INBOX_PAGE = 50

async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  try {
    return (await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { reason?: string; fields?: { path: string }[] } }).details
      throw new AppError(toAppErrorCode(error.code), error.message, details?.fields?.map((f) => f.path) ?? [], details?.reason ?? null)
    }
    throw new AppError('internal', String(error))
  }
}

export const updateMessagePrefs = (input: CallableInput<'updateMessagePrefs'>) => call(CALLABLES.updateMessagePrefs, input)
export const markMessagesRead = (input: CallableInput<'markMessagesRead'>) => call(CALLABLES.markMessagesRead, input)

const toDate = (value: unknown): Date | null =>
  value && typeof (value as { toDate?: unknown }).toDate === 'function' ? (value as { toDate: () => Date }).toDate() : null

/** The member's newest messages, newest first, live. A kind this version does not know is skipped. */
export function watchInbox(uid: string, onChange: (messages: InboxMessage[]) => void, onError: (e: Error) => void): () => void {
  return onSnapshot(
    query(collection(db, paths.inbox(uid)), orderBy('createdAt', 'desc'), limit(INBOX_PAGE)),
    (snap) =>
      onChange(
        snap.docs.flatMap((doc) => {
          const d = doc.data()
          if (!isMessageKind(d.kind)) return []
          return [
            {
              id: doc.id,
              kind: d.kind,
              category: d.category === 'promotional' ? 'promotional' : 'service',
              params: typeof d.params === 'object' && d.params ? d.params : {},
              link: typeof d.link === 'string' && d.link.startsWith('/') && !d.link.startsWith('//') ? d.link : '/',
              createdAt: toDate(d.createdAt) ?? new Date(0),
              readAt: toDate(d.readAt),
              text: storedMessageText(d.text),
            } satisfies InboxMessage,
          ]
        }),
      ),
    onError,
  )
}

/**
 * The unread count and the stored limits, from the member document. The card listens to the same
 * document, and the SDK serves both listeners from one watch, so this costs no extra read; it keeps
 * the inbox's fields out of the card route's converter.
 */
export function watchMessageState(uid: string, onChange: (state: { unread: number; prefs: unknown }) => void, onError: (e: Error) => void): () => void {
  return onSnapshot(
    doc(db, paths.member(uid)),
    (snap) => {
      const unread = snap.get('unreadMessages')
      onChange({ unread: typeof unread === 'number' ? Math.max(0, unread) : 0, prefs: snap.get('messagePrefs') ?? null })
    },
    onError,
  )
}
