import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context';
import { client, type Schema } from '../../api/client';
import { formatDateTime, useI18n } from '../../i18n';
import { FormError, Notice, useSubmit } from '../../ui';
import { SaveOrCancel } from '../form-frame';
import { CHANGE_CONFLICTS, conflictMessage } from './booking-conflicts';
import { PeopleCount } from './who-is-coming';

type Booking = Schema<'parent-engagement.BookingDto'>;
type TransportRun = Schema<'parent-engagement.TransportRunDto'>;

const CHANGE_FIELDS = ['stopId', 'adults', 'otherChildren'] as const;

/** The bus's pick-up stops with their times, one to choose. */
export function PickupStops({
  name,
  run,
  value,
  onChange,
  error,
}: {
  name: string;
  run: TransportRun;
  value: string;
  onChange: (stopId: string) => void;
  error?: string;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  return (
    <fieldset>
      <legend>{t('pickUpStop')}</legend>
      {run.stops.map((stop) => (
        <label key={stop.id} className="choice">
          <input type="radio" name={name} value={stop.id} checked={value === stop.id} onChange={() => onChange(stop.id)} />
          <span>
            {stop.name} · {formatDateTime(language, stop.pickupAt, me.area.timeZone)}
          </span>
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Another stop of the same bus, or fewer or more adults and other children. */
export function ChangeBooking({
  booking,
  run,
  onChanged,
  onClose,
}: {
  booking: Booking;
  run: TransportRun;
  onChanged: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [stopId, setStopId] = useState(booking.stopId);
  const [adults, setAdults] = useState(booking.adults);
  const [otherChildren, setOtherChildren] = useState(booking.children - booking.pupilIds.length);
  const { busy, error, fieldError, run: send } = useSubmit();
  const explained = conflictMessage(error, t, CHANGE_CONFLICTS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      await client.PATCH('/api/parent-engagement/transport-bookings/{bookingId}', {
        params: { path: { bookingId: booking.id } },
        body: { stopId, adults, otherChildren },
      });
      onChanged(t('bookingChanged'));
    });
  };

  return (
    <form onSubmit={submit} noValidate className="stack change-booking" aria-label={t('changeBookingTitle')}>
      {explained ? <Notice kind="error">{explained}</Notice> : <FormError error={error} fields={CHANGE_FIELDS} />}
      <PickupStops name={`change-stop-${booking.id}`} run={run} value={stopId} onChange={setStopId} error={fieldError('stopId')} />
      <PeopleCount label={t('adults')} name="adults" value={adults} onChange={setAdults} error={fieldError('adults')} />
      <PeopleCount
        label={t('otherChildren')}
        name="otherChildren"
        value={otherChildren}
        onChange={setOtherChildren}
        error={fieldError('otherChildren')}
      />
      <SaveOrCancel busy={busy} saveLabel={t('saveChange')} onCancel={onClose} />
    </form>
  );
}
