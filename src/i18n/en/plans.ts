// Membership plans: the member's plan, its benefits and term, and the choice of plans.
const plans = {
  plans: {
    title: 'Membership plan',
    intro: 'Your points, tier and history stay yours whatever plan you’re on.',
    current: 'Your plan',
    noPlan: 'You’re not on a plan.',
    free: 'Free',
    pricePerYear: '{price} a year',
    priceOnce: '{price}, no end date',
    until: 'Runs until {date}',
    noEnd: 'No end date',
    endsIn: 'Ends tomorrow | Ends in {count} days',
    endsToday: 'Ends today',
    benefits: 'Benefits',
    multiplier: '{multiplier} times the points on purchases',
    choose: 'Plans',
    yours: 'Your plan',
    renew: 'Renew for a year',
    pick: 'Choose this plan',
    switchLater: 'You can switch to this plan after your current plan ends.',
    pay: 'Pay {price}',
    testPayment: {
      title: 'Test payment',
      note: 'This is a demo club: no card is charged and no money moves.',
      card: 'Test card',
      ok: 'A card that pays',
      declined: 'A card that is declined',
    },
    unavailable: 'Paid plans can’t be bought in this club yet.',
    cancel: 'Cancel',
    done: 'You’re on {plan} until {date}.',
    doneNoEnd: 'You’re on {plan}.',
    loadFailed: 'We couldn’t load the plans. Check your connection and try again.',
    link: 'Membership plan',
  },
}

export default plans
export type PlansMessages = typeof plans
