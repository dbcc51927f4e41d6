// The inbox and the member's message limits.
const messages = {
  inbox: {
    title: 'Messages',
    empty: 'No messages yet. News about your points, tier and coupons will show up here.',
    unread: 'New',
    unreadCount: 'One new message | {count} new messages',
    settingsLink: 'Message limits',
    markAll: 'Mark all as read',
    loadFailed: 'We couldn’t load your messages. Check your connection and try again.',
    kinds: {
      'points-arrived': { title: 'Points arrived', body: 'One point was added to your balance. | {points} points were added to your balance.' },
      'pending-approved': { title: 'Your purchase was approved', body: 'Your pending point is now yours to redeem. | Your {points} pending points are now yours to redeem.' },
      'tier-up': { title: 'You’ve moved up to {tier}', body: 'Welcome to {tier}. Take a look at your new benefits.' },
      'tier-at-risk': { title: 'Keep your {tier} tier', body: 'Earn a little more before your tier year ends to keep {tier}.' },
      'reward-expiring': { title: 'A coupon is about to expire', body: 'Use it at a partner store before it expires.' },
      'points-expiring': { title: 'Points are about to expire', body: 'One point expires soon. Redeem it before then. | {points} points expire soon. Redeem them before then.' },
      birthday: { title: 'Happy birthday!', body: 'The club has a gift waiting for you. Enjoy your day.' },
      'event-reminder': { title: 'A club event is coming up', body: 'See the details and save your seat.' },
      'club-news': { title: 'News from the club', body: 'There’s something new in the club. Take a look.' },
      'report-outcome': { title: 'About your report', body: 'Thanks for your report. We reviewed it and took care of it.' },
    },
  },
  inboxSettings: {
    title: 'Message limits',
    intro: 'You decide how often the club may get in touch, and when.',
    service: 'Messages about your own points, tier, coupons and reports always reach your inbox. They’re never limited.',
    cap: 'Club news and invitations per week',
    capHint: 'At most one a week | At most {count} a week',
    capNone: 'No club news or invitations at all',
    quietHours: 'Quiet hours',
    quietStart: 'From',
    quietEnd: 'Until',
    quietHint: 'No club news or invitations between these hours (Israel time). Set both to the same time for no quiet hours.',
    restDays: 'No club news on Shabbat and holidays',
    restDaysHint: 'From sunset before Shabbat or a holiday until nightfall after it, in Jerusalem.',
    push: 'Also notify me on this phone',
    pushHint: 'Your inbox gets every message either way. Phone notifications aren’t available in this club yet.',
    save: 'Save',
    saved: 'Your message limits are saved.',
  },
}

export default messages
export type MessagesMessages = typeof messages
