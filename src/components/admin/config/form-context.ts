import type { InjectionKey } from 'vue'
import type { FormIssue } from '@/domain/admin/config-form-checks'
import type { FieldPath } from '@/domain/admin/config-form'

/** What every field of one form shares: its issues, its words and the way to change the draft. */
export interface FormContext {
  issuesAt(path: string): FormIssue[]
  countUnder(path: string): number
  label(path: FieldPath): string
  optionLabel(path: FieldPath, value: string): string
  issueText(issue: FormIssue): string
  update(path: FieldPath, value: unknown): void
  /** Places the operator may see but not change (an existing item's id). */
  isLocked(path: string): boolean
  /** Places the form leaves out (derived by the server, e.g. the club's `interestIds`). */
  isHidden(path: string): boolean
  /** Whether the item's top-level groups are collapsible sections (the club's many settings). */
  sections: boolean
  /** Sections (top-level fields) shown open. */
  isOpen(path: string): boolean
}

export const FORM_CONTEXT: InjectionKey<FormContext> = Symbol('config-form')
