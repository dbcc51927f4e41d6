// Partner stores, visits (check-in) and the printable poster.
const partners = {
  checkIn: {
    title: 'Visit a store',
    intro: 'Scan the club code at the store, on the screen by the till or on the poster, to earn points for your visit.',
    locationPrompt: 'A visit from a poster needs your location, to confirm you’re at the store. It’s checked once and not kept.',
    confirm: 'Record visit',
    confirmWithLocation: 'Share location and record visit',
    done: 'Visit to {partner} recorded: +{points} point. | Visit to {partner} recorded: +{points} points.',
    already: 'Your visit to {partner} was already recorded today. Come back tomorrow!',
    streak: 'Visit bonus: you visited one of {goal} stores this month. | Visit bonus: you visited {visits} of {goal} stores this month.',
    streakDone: 'Visit bonus: {points} point for visiting {goal} different stores this month! | Visit bonus: {points} points for visiting {goal} different stores this month!',
  },
  poster: {
    title: 'Scan and earn points',
    qrLabel: 'QR code to record a visit',
    howTo: 'Open your phone camera or the club app, scan the code, and earn points for your visit.',
    print: 'Print',
    invalid: 'This poster link isn’t valid. Scan the poster by the till again.',
    location: 'Recording a visit from this poster asks for your location.',
  },
  partners: {
    title: 'Partner stores',
    category: 'Category',
    all: 'All',
    categories: {
      cafe: 'Café',
      supermarket: 'Supermarket',
      'gas-station': 'Gas station',
      'toy-store': 'Toy store',
      bookstore: 'Bookstore',
      pharmacy: 'Pharmacy',
    },
    nearest: 'Nearest first',
    noLocation: 'Without your location the stores are sorted by name.',
    meters: '{distance} away',
    km: '{distance} away',
    address: 'Address',
    hours: 'Hours',
    earn: 'Earning',
    rate: '{points} point per shekel (before your tier bonus) | {points} points per shekel (before your tier bonus)',
    checkInReward: 'Points for a visit',
    checkInPoints: '{points} point, once a day | {points} points, once a day',
    benefits: 'For club members',
    back: 'All stores',
  },
}

export default partners
export type PartnersMessages = typeof partners
