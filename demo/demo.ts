// Logs the widget's public events, as a host page would listen to them.
const log = document.querySelector<HTMLOListElement>('#log');
const names = [
  'ev-booking-requested',
  'ev-booking-confirmed',
  'ev-booking-rejected',
  'ev-booking-cancelled',
  'ev-booking-error',
] as const;
for (const name of names) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${name}: ${JSON.stringify((event as CustomEvent).detail)}`;
    log?.append(item);
  });
}
