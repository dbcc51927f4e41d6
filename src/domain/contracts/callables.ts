import type {
  AcceptHouseholdInviteInput,
  AcceptHouseholdInviteResult,
  CreateHouseholdInviteInput,
  CreateHouseholdInviteResult,
  RemoveHouseholdMemberInput,
  RemoveHouseholdMemberResult,
} from '../members/household-schema'
import type {
  AdjustResult,
  AwardResult,
  CardKeyResult,
  CheckInResult,
  CounterKeyResult,
  MaintenanceStats,
  MemberAtTill,
  PosterCodeResult,
  PurchaseResult,
  RedeemResult,
  ReversalResult,
  ReviewPurchaseResult,
  ReviewReferralResult,
  UseCouponResult,
} from './callable-results'
import type {
  AdjustPointsInput,
  CheckInInput,
  EmptyInput,
  LookupMemberInput,
  PartnerIdInput,
  RecordPurchaseInput,
  RedeemRewardInput,
  ReissuePosterCodeInput,
  ReversePurchaseInput,
  ReviewPurchaseInput,
  ReviewReferralInput,
  RunMaintenanceInput,
  UseCouponInput,
} from './callable-schemas'
import type { JoinClubInput, JoinClubResult } from '../members/join'
import type { BirthdayResult, CorrectBirthdayInput, SetBirthdayInput } from '../members/birthday-schema'
import type { StartSurveyInput, StartSurveyResult, SubmitSurveyInput, SubmitSurveyResult, SurveyResultsInput } from '../earn/surveys'
import type { SurveyResults } from '../earn/survey-results'
import type { ModerateReviewInput, ModerateReviewResult, SubmitReviewInput, SubmitReviewResult } from '../earn/review-schema'
import type { UploadPhotoInput, UploadPhotoResult } from '../photos/photo-schema'
import type { DonatePointsInput, DonateResult } from '../earn/charities'
import type { ClaimActionInput } from '../earn/actions'
import type { ClaimClueInput, ClaimClueResult, GetHuntCodeInput, HuntCodeResult } from '../earn/hunts'
import type { ConfirmEcoActionInput, ConfirmEcoActionResult } from '../earn/eco'
import type { DeclareReserveDutyInput, RevokeReserveDutyInput } from '../earn/reserve-duty-schema'
import type { DeclareReserveDutyResult, RevokeReserveDutyResult } from '../earn/reserve-duty'
import type {
  AddCommentInput,
  AddCommentResult,
  CreatePostInput,
  CreatePostResult,
  DeletePostInput,
  DeletePostResult,
  FeaturePostInput,
  FeaturePostResult,
  ModerateContentInput,
  ModerateContentResult,
  ReportContentInput,
  ReportContentResult,
} from '../community/schemas'
import type { CloseCompetitionInput, CloseCompetitionResult, VoteEntryInput, VoteEntryResult } from '../community/competitions'
import type {
  CheckInEventInput,
  CheckInEventResult,
  EventDoorKeyResult,
  EventIdInput,
  RsvpEventInput,
  RsvpEventResult,
} from '../community/events'
import type { ListTillDayInput, TillDayResult } from '../partners/till-day'
import type { ListMyOffersResult } from '../offers/offers'
import type { RedeemPromoCodeInput, RedeemPromoCodeResult } from '../offers/promo-codes'
import type {
  ConfigItemInput,
  DiscardConfigDraftResult,
  ListConfigItemsInput,
  ListConfigItemsResult,
  PublishConfigDraftResult,
  SaveConfigDraftInput,
  SaveConfigDraftResult,
} from '../admin/config-items'
import type { RefreshReportsInput, RefreshReportsResult } from '../reports/reports'
import type { FindMemberInput, FindMemberResult } from '../admin/members'
import type { GetSettlementInput, Settlement } from '../reports/settlement'
import type { GrantStaffInput, RevokeStaffInput } from '../admin/staff-schema'
import type { GrantStaffResult, RevokeStaffResult } from '../admin/staff'
import type { MarkMessagesReadInput, UpdateMessagePrefsInput } from '../messages/prefs-schema'
import type { PushTokenInput, RegisterPushTokenResult, UnregisterPushTokenResult } from '../messages/push-tokens'
import type { MarkMessagesReadResult, UpdateMessagePrefsResult } from '../messages/prefs'
import type { GetWalletPassInput, WalletPassResult } from '../members/wallet-pass'
import type { ChoosePlanInput, ChoosePlanResult } from '../members/plans-schema'

/**
 * Every callable, once: its input and its answer. The app's service wrappers and the functions
 * both name a callable through `CALLABLES`, so its name is never a bare string twice, and the
 * compiler holds the two sides to the same input and result (`functions/src/lib/callable.ts`
 * checks that the input schema produces this input type). Type-only imports: nothing here reaches
 * the card route's bundle but the names.
 */
export interface CallableContracts {
  joinClub: { input: JoinClubInput; result: JoinClubResult }
  setBirthday: { input: SetBirthdayInput; result: BirthdayResult }
  correctBirthday: { input: CorrectBirthdayInput; result: BirthdayResult }
  getCardKey: { input: EmptyInput; result: CardKeyResult }
  rotateCardKey: { input: EmptyInput; result: CardKeyResult }
  lookupMember: { input: LookupMemberInput; result: MemberAtTill }
  recordPurchase: { input: RecordPurchaseInput; result: PurchaseResult }
  reviewPurchase: { input: ReviewPurchaseInput; result: ReviewPurchaseResult }
  reversePurchase: { input: ReversePurchaseInput; result: ReversalResult }
  redeemReward: { input: RedeemRewardInput; result: RedeemResult }
  useCoupon: { input: UseCouponInput; result: UseCouponResult }
  adjustPoints: { input: AdjustPointsInput; result: AdjustResult }
  claimProfileReward: { input: EmptyInput; result: AwardResult }
  claimAction: { input: ClaimActionInput; result: AwardResult }
  runMaintenance: { input: RunMaintenanceInput; result: MaintenanceStats }
  checkIn: { input: CheckInInput; result: CheckInResult }
  getCounterKey: { input: PartnerIdInput; result: CounterKeyResult }
  getPosterCode: { input: PartnerIdInput; result: PosterCodeResult }
  reissuePosterCode: { input: ReissuePosterCodeInput; result: PosterCodeResult }
  rotateCounterKey: { input: ReissuePosterCodeInput; result: { partnerId: string; rotated: true } }
  reviewReferral: { input: ReviewReferralInput; result: ReviewReferralResult }
  startSurvey: { input: StartSurveyInput; result: StartSurveyResult }
  submitSurvey: { input: SubmitSurveyInput; result: SubmitSurveyResult }
  getSurveyResults: { input: SurveyResultsInput; result: SurveyResults }
  submitReview: { input: SubmitReviewInput; result: SubmitReviewResult }
  moderateReview: { input: ModerateReviewInput; result: ModerateReviewResult }
  uploadPhoto: { input: UploadPhotoInput; result: UploadPhotoResult }
  donatePoints: { input: DonatePointsInput; result: DonateResult }
  claimClue: { input: ClaimClueInput; result: ClaimClueResult }
  getHuntCode: { input: GetHuntCodeInput; result: HuntCodeResult }
  confirmEcoAction: { input: ConfirmEcoActionInput; result: ConfirmEcoActionResult }
  createPost: { input: CreatePostInput; result: CreatePostResult }
  addComment: { input: AddCommentInput; result: AddCommentResult }
  deletePost: { input: DeletePostInput; result: DeletePostResult }
  reportContent: { input: ReportContentInput; result: ReportContentResult }
  moderateContent: { input: ModerateContentInput; result: ModerateContentResult }
  featurePost: { input: FeaturePostInput; result: FeaturePostResult }
  voteEntry: { input: VoteEntryInput; result: VoteEntryResult }
  closeCompetition: { input: CloseCompetitionInput; result: CloseCompetitionResult }
  rsvpEvent: { input: RsvpEventInput; result: RsvpEventResult }
  checkInEvent: { input: CheckInEventInput; result: CheckInEventResult }
  getEventDoorKey: { input: EventIdInput; result: EventDoorKeyResult }
  declareReserveDuty: { input: DeclareReserveDutyInput; result: DeclareReserveDutyResult }
  revokeReserveDuty: { input: RevokeReserveDutyInput; result: RevokeReserveDutyResult }
  listTillDay: { input: ListTillDayInput; result: TillDayResult }
  saveConfigDraft: { input: SaveConfigDraftInput; result: SaveConfigDraftResult }
  publishConfigDraft: { input: ConfigItemInput; result: PublishConfigDraftResult }
  discardConfigDraft: { input: ConfigItemInput; result: DiscardConfigDraftResult }
  listConfigItems: { input: ListConfigItemsInput; result: ListConfigItemsResult }
  refreshReports: { input: RefreshReportsInput; result: RefreshReportsResult }
  getSettlement: { input: GetSettlementInput; result: Settlement }
  findMember: { input: FindMemberInput; result: FindMemberResult }
  grantStaff: { input: GrantStaffInput; result: GrantStaffResult }
  revokeStaff: { input: RevokeStaffInput; result: RevokeStaffResult }
  updateMessagePrefs: { input: UpdateMessagePrefsInput; result: UpdateMessagePrefsResult }
  markMessagesRead: { input: MarkMessagesReadInput; result: MarkMessagesReadResult }
  registerPushToken: { input: PushTokenInput; result: RegisterPushTokenResult }
  unregisterPushToken: { input: PushTokenInput; result: UnregisterPushTokenResult }
  getWalletPass: { input: GetWalletPassInput; result: WalletPassResult }
  choosePlan: { input: ChoosePlanInput; result: ChoosePlanResult }
  createHouseholdInvite: { input: CreateHouseholdInviteInput; result: CreateHouseholdInviteResult }
  acceptHouseholdInvite: { input: AcceptHouseholdInviteInput; result: AcceptHouseholdInviteResult }
  removeHouseholdMember: { input: RemoveHouseholdMemberInput; result: RemoveHouseholdMemberResult }
  listMyOffers: { input: EmptyInput; result: ListMyOffersResult }
  redeemPromoCode: { input: RedeemPromoCodeInput; result: RedeemPromoCodeResult }
}

export type CallableName = keyof CallableContracts
export type CallableInput<N extends CallableName> = CallableContracts[N]['input']
export type CallableResult<N extends CallableName> = CallableContracts[N]['result']

/** The callables' names as values: `CALLABLES.recordPurchase`. */
export const CALLABLES: { readonly [N in CallableName]: N } = {
  joinClub: 'joinClub',
  setBirthday: 'setBirthday',
  correctBirthday: 'correctBirthday',
  getCardKey: 'getCardKey',
  rotateCardKey: 'rotateCardKey',
  lookupMember: 'lookupMember',
  recordPurchase: 'recordPurchase',
  reviewPurchase: 'reviewPurchase',
  reversePurchase: 'reversePurchase',
  redeemReward: 'redeemReward',
  useCoupon: 'useCoupon',
  adjustPoints: 'adjustPoints',
  claimProfileReward: 'claimProfileReward',
  claimAction: 'claimAction',
  runMaintenance: 'runMaintenance',
  checkIn: 'checkIn',
  getCounterKey: 'getCounterKey',
  getPosterCode: 'getPosterCode',
  reissuePosterCode: 'reissuePosterCode',
  rotateCounterKey: 'rotateCounterKey',
  reviewReferral: 'reviewReferral',
  startSurvey: 'startSurvey',
  submitSurvey: 'submitSurvey',
  getSurveyResults: 'getSurveyResults',
  submitReview: 'submitReview',
  moderateReview: 'moderateReview',
  uploadPhoto: 'uploadPhoto',
  donatePoints: 'donatePoints',
  claimClue: 'claimClue',
  getHuntCode: 'getHuntCode',
  confirmEcoAction: 'confirmEcoAction',
  createPost: 'createPost',
  addComment: 'addComment',
  deletePost: 'deletePost',
  reportContent: 'reportContent',
  moderateContent: 'moderateContent',
  featurePost: 'featurePost',
  voteEntry: 'voteEntry',
  closeCompetition: 'closeCompetition',
  rsvpEvent: 'rsvpEvent',
  checkInEvent: 'checkInEvent',
  getEventDoorKey: 'getEventDoorKey',
  declareReserveDuty: 'declareReserveDuty',
  revokeReserveDuty: 'revokeReserveDuty',
  listTillDay: 'listTillDay',
  saveConfigDraft: 'saveConfigDraft',
  publishConfigDraft: 'publishConfigDraft',
  discardConfigDraft: 'discardConfigDraft',
  listConfigItems: 'listConfigItems',
  refreshReports: 'refreshReports',
  getSettlement: 'getSettlement',
  findMember: 'findMember',
  grantStaff: 'grantStaff',
  revokeStaff: 'revokeStaff',
  updateMessagePrefs: 'updateMessagePrefs',
  markMessagesRead: 'markMessagesRead',
  registerPushToken: 'registerPushToken',
  unregisterPushToken: 'unregisterPushToken',
  getWalletPass: 'getWalletPass',
  choosePlan: 'choosePlan',
  createHouseholdInvite: 'createHouseholdInvite',
  acceptHouseholdInvite: 'acceptHouseholdInvite',
  removeHouseholdMember: 'removeHouseholdMember',
  listMyOffers: 'listMyOffers',
  redeemPromoCode: 'redeemPromoCode',
}
