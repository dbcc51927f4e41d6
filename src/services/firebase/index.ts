// The app's only door to Firebase: views and stores import from here, never from `firebase/*`.
export { AuthFailure, signIn, signOut, signUp, watchSession, type AuthFailureReason, type SessionUser } from './auth'
export { watchClubConfig } from './club'
export { AppError, joinClub } from './functions'
export { updateProfile, watchMember, type ProfilePatch } from './members'
