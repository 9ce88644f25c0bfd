// Logs the widget's public events, as a host page would listen to them.
import { BOOKING_EVENT_NAMES } from '../src/events.js';

const log = document.querySelector<HTMLOListElement>('#log');
for (const name of BOOKING_EVENT_NAMES) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${name}: ${JSON.stringify((event as CustomEvent).detail)}`;
    log?.append(item);
  });
}
