import { useCallback, useState, type CSSProperties } from 'react';
import { EvBookingWidget } from 'ev-booking-widget/react';
import type { BookingConfirmedDetail, BookingErrorDetail } from 'ev-booking-widget/react';

/** Adds the host portal's own session header to every request the widget makes to the proxy. */
const portalFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('X-Portal-Session', sessionStorage.getItem('portal-session') ?? '');
  return fetch(input, { ...init, headers });
};

export function App() {
  const [booking, setBooking] = useState<BookingConfirmedDetail['booking']>(null);
  const [error, setError] = useState<BookingErrorDetail | null>(null);

  const onConfirmed = useCallback((event: CustomEvent<BookingConfirmedDetail>) => setBooking(event.detail.booking), []);
  const onError = useCallback((event: CustomEvent<BookingErrorDetail>) => setError(event.detail), []);

  return (
    <main>
      <h1>Book a charger</h1>
      <EvBookingWidget
        locationId={7}
        apiBase="/api/ampeco"
        durations={[30, 60, 120]}
        theme="auto"
        fetch={portalFetch}
        style={{ '--ev-color-accent': '#0b6e4f' } as CSSProperties}
        onBookingRequested={(event) => console.log('pending', event.detail.bookingRequest.id)}
        onBookingConfirmed={onConfirmed}
        onBookingRejected={(event) => console.log('rejected:', event.detail.reason)}
        onBookingError={onError}
      />
      {booking && <p>Booked: #{booking.id}</p>}
      {error && <p role="alert">The widget reported {error.code}</p>}
    </main>
  );
}
