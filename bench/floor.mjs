/**
 * The floor of a first start on this machine: the least any widget could do to show one start
 * time, measured in the same rounds, with the same server, delay and probe as the widget.
 *
 * The floor page loads one small module script (no framework, no checks, no styles) that, as soon
 * as it runs, asks the two answers a first start time needs (the location, for its time zone, and
 * the availability's first request, as the widget asks it: one round trip), then formats the first
 * open window's start in the location's zone (the page's first `Intl` format, which loads ICU's
 * data, as every widget that shows a local time must) and shows it as one `data-start` button in a
 * shadow root.
 *
 * What the widget takes beyond the floor is its own work; the floor itself (navigation, HTML,
 * script, one round trip, one format, one frame) is what no widget can go below here.
 */

/** In the page: the floor's whole script. */
function floorScript() {
  const host = document.querySelector('ev-booking-widget');
  const api = host.getAttribute('api-base');
  const locationId = host.getAttribute('location-id');
  const evseId = Number(host.getAttribute('evse-ids'));
  // The widget's first availability request: 7 days, or 2 for a page of more than 7 days.
  const firstRangeDays = Number(host.getAttribute('days') ?? 7) > 7 ? 2 : 7;
  const root = host.attachShadow({ mode: 'open' });
  const from = Math.floor(Date.now() / 60_000) * 60_000;
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const accept = { accept: 'application/json' };
  const location = fetch(`${api}/resources/locations/v2.0/${locationId}`, { headers: accept });
  const availability = fetch(`${api}/actions/locations/v2.0/${locationId}/check-booking-availability`, {
    method: 'POST',
    headers: { ...accept, 'content-type': 'application/json' },
    body: JSON.stringify({ startAfter: iso(from), endBefore: iso(from + firstRangeDays * 86_400_000) }),
  });
  Promise.all([location, availability].map((answer) => answer.then((response) => response.json()))).then(
    ([{ data: place }, { data: items }]) => {
      const start = items.find((item) => item.evseId === evseId)?.availableSlots[0]?.startAt;
      const button = document.createElement('button');
      button.dataset.start = start;
      button.textContent = new Intl.DateTimeFormat('en-GB', {
        timeStyle: 'short',
        timeZone: place.timezone ?? undefined,
      }).format(new Date(start));
      root.append(button);
    },
  );
}

/** The floor's script, served as `/floor.js`. */
export const FLOOR_SCRIPT = { body: `(${floorScript})();\n`, type: 'text/javascript' };
