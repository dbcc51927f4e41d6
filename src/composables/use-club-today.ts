import { computed } from 'vue'
import { localDate } from '@/domain/shared/calendar'
import { useClubStore } from '@/stores/club'
import { DEFAULT_TIME_ZONE } from '@/domain/shared/platform'

/** Today in the club's calendar (its time zone), as the server reckons expiry and tiers. */
export function useClubToday() {
  const club = useClubStore()
  return computed(() => localDate(new Date(), club.config?.timeZone ?? DEFAULT_TIME_ZONE))
}
