import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChoosePlanResult, MemberPlan, Plan } from '@/domain/members/plans-schema'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { TEST_PAYMENTS, choosePlan, watchMemberPlan, watchPlans } from '@/services/firebase/plans-api'
import { followAccount } from './follow-account'

const INTENT = 'choose-plan'

/**
 * The club's plans and the member's own, live while signed in. Choosing goes through choosePlan;
 * the intent keeps its request id until the server settles it, so paying again after a lost
 * answer returns the first charge's result instead of charging twice.
 */
export const usePlansStore = defineStore('plans', () => {
  const plans = ref<Plan[]>([])
  const membership = ref<MemberPlan | null>(null)
  const loaded = ref(false)
  const failed = ref(false)

  followAccount(
    (uid) => {
      const onError = () => (failed.value = true)
      return [
        watchPlans((next) => {
          plans.value = next
          loaded.value = true
        }, onError),
        watchMemberPlan(uid, (next) => (membership.value = next), onError),
      ]
    },
    () => {
      plans.value = []
      membership.value = null
      loaded.value = false
      failed.value = false
    },
  )

  async function choose(planId: string, paymentToken?: string): Promise<ChoosePlanResult> {
    const requestId = intentRequestId(INTENT, planId)
    try {
      const result = await choosePlan({ planId, requestId, ...(paymentToken ? { paymentToken } : {}) })
      settleIntent(INTENT, planId)
      return result
    } catch (error) {
      if (error instanceof AppError && !isTransient(error.code)) settleIntent(INTENT, planId)
      throw error
    }
  }

  return { plans, membership, loaded, failed, testPayments: TEST_PAYMENTS, choose }
})
