// Inviting friends.
const referrals = {
  refer: {
    title: 'Invite a friend',
    intro: 'Friends who join with your link get {welcome} as a welcome gift, plus {bonus} with their first purchase at a partner store. That purchase earns you a bonus too, and it grows with every friend.',
    yourLink: 'Your personal link',
    copy: 'Copy link',
    copied: 'Copied!',
    code: 'Your code',
    share: 'Share…',
    shareOn: 'Ways to share',
    channels: { whatsapp: 'WhatsApp', facebook: 'Facebook', x: 'X', telegram: 'Telegram', email: 'Email' },
    shareText: 'Join me in {club} and get {welcome} as a welcome gift, plus {bonus} with your first purchase:',
    inPerson: 'Show a QR code to a friend next to you',
    qrLabel: 'QR code of your invitation link',
    dashboard: 'Your invitations',
    opened: 'Opened the link',
    joined: 'Joined',
    qualified: 'Made a first purchase',
    earned: 'Points you earned',
    nextGoal: 'One more friend for a bonus of {bonus}. | {friends} more friends for a bonus of {bonus}.',
    withBoost: 'It comes with a month in the next tier. | It comes with {months} months in the next tier.',
    status: {
      joined: 'waiting for a first purchase',
      qualified: 'first purchase — you got your bonus',
      held: 'under review — your bonus comes once the club approves',
      refused: 'this invitation doesn’t earn a bonus',
      'clawed-back': 'first purchase refunded, and the bonus with it',
    },
    terms: 'Both bonuses come with a first purchase of {amount} or more, with the club card scanned at checkout.',
    underReview: 'One friend is under review by the club. | {friends} friends are under review by the club.',
    noFriends: 'No friends have joined through your link yet.',
    invitedBy: '{name} invited you! Join the club for a welcome gift, plus a bonus with your first purchase.',
    invited: 'You’re invited! Join the club for a welcome gift, plus a bonus with your first purchase.',
    joinBonus: 'Plus {amount} with your first purchase, thanks to {name}’s invitation.',
  },
}

export default referrals
export type ReferralsMessages = typeof referrals
