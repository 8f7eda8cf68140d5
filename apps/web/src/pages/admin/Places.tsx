import { useState, type FormEvent } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { useI18n } from '../../i18n';
import { EditOrRemove, useRemoveOnce } from './edit-actions';
import {
  Empty,
  Field,
  InputField,
  Loaded,
  LoadedList,
  reloadWhenStale,
  SelectField,
  useLoad,
  useSendForm,
  useSubmit,
  WordOptions,
} from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SaveOrCancel, SendForm } from '../form-frame';
import { ifMatch, VENUE_KIND_WORDS } from './admin-words';
import { useAllSchools } from './all-schools';

type Room = Schema<'scheduling.RoomDto'>;
type Venue = Schema<'performance-event.VenueDto'>;
type VenueKind = Venue['kind'];

/** Rooms (a school's teaching rooms, with their capacity) and venues (where performances happen). */
export function AdminPlaces() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('adm.nav.places')}</h1>
      <Rooms />
      <Venues />
    </>
  );
}

function Rooms() {
  const { t } = useI18n();
  const schools = useAllSchools();
  const [chosen, setChosen] = useState('');
  const schoolId = chosen || (schools.state === 'ready' ? (schools.data[0]?.id ?? '') : '');
  const rooms = useLoad(async () => {
    if (!schoolId) return [];
    const list = await allPages('/api/scheduling/rooms', { schoolId });
    return list.sort((a, b) => a.name.localeCompare(b.name));
  }, [schoolId]);
  return (
    <section className="card" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t('adm.rooms')}</h2>
      <Loaded value={schools}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('noSchools')}</Empty>
          ) : (
            <SelectField label={t('school')} name="roomSchoolId" value={schoolId} onChange={setChosen} choices={list} />
          )
        }
      </Loaded>
      <LoadedList value={rooms} empty={t('adm.noRooms')}>
        {(list) => (
          <ul className="plain stack" data-testid="rooms">
            {list.map((room) => (
              <RoomRow key={`${room.id}-${room.version}`} room={room} onSaved={rooms.reload} />
            ))}
          </ul>
        )}
      </LoadedList>
      {schoolId && <AddRoom key={schoolId} schoolId={schoolId} onAdded={rooms.reload} />}
    </section>
  );
}

function RoomFields({
  name,
  capacity,
  setName,
  setCapacity,
  fieldError,
  prefix,
}: {
  name: string;
  capacity: string;
  setName: (value: string) => void;
  setCapacity: (value: string) => void;
  fieldError: (field: string) => string | undefined;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField label={t('adm.roomName')} error={fieldError('name')} name={`${prefix}Name`} value={name} onChange={setName} />
      <InputField
        label={t('adm.capacity')}
        error={fieldError('capacity')}
        name={`${prefix}Capacity`}
        type="number"
        inputMode="numeric"
        min={1}
        value={capacity}
        onChange={setCapacity}
      />
    </>
  );
}

function RoomRow({ room, onSaved }: { room: Room; onSaved: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(room.name);
  const [capacity, setCapacity] = useState(String(room.capacity));
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      await client.PATCH('/api/scheduling/rooms/{roomId}', {
        params: { path: { roomId: room.id }, header: { 'If-Match': ifMatch(room.version) } },
        body: { name, capacity: Number(capacity) },
      });
      setEditing(false);
      onSaved();
    }, reloadWhenStale(onSaved));
  };
  return (
    <li data-testid="room" data-room-id={room.id}>
      {editing ? (
        <form onSubmit={submit} noValidate className="stack">
          <ConflictNotice error={saving.error} fields={['name', 'capacity']} />
          <RoomFields
            name={name}
            capacity={capacity}
            setName={setName}
            setCapacity={setCapacity}
            fieldError={saving.fieldError}
            prefix="room"
          />
          <SaveOrCancel busy={saving.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <>
          <strong>{room.name}</strong> <span className="muted">· {t('adm.seats', { n: room.capacity })}</span>{' '}
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('adm.editNamed', { name: room.name })}
          </button>
        </>
      )}
    </li>
  );
}

function AddRoom({ schoolId, onAdded }: { schoolId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const room = answered(
      (
        await client.POST('/api/scheduling/rooms', {
          body: { schoolId, name, capacity: capacity === '' ? Number.NaN : Number(capacity) },
        })
      ).data,
    );
    setName('');
    setCapacity('');
    onAdded();
    return t('adm.roomAdded', { name: room.name });
  });
  return (
    <SendForm
      testId="add-room"
      heading={<h3>{t('adm.addRoom')}</h3>}
      sending={saving}
      fields={['name', 'capacity', 'schoolId']}
      onSubmit={submit}
      submitLabel={t('adm.addRoom')}
    >
      <RoomFields
        name={name}
        capacity={capacity}
        setName={setName}
        setCapacity={setCapacity}
        fieldError={saving.fieldError}
        prefix="newRoom"
      />
    </SendForm>
  );
}

interface VenueDraft {
  name: string;
  kind: VenueKind;
  address: string;
  capacity: string;
  accessNotes: string;
}

const VENUE_FIELDS = ['name', 'kind', 'address', 'capacity', 'accessNotes', 'schoolId'] as const;

function draftOf(venue?: Venue): VenueDraft {
  return {
    name: venue?.name ?? '',
    kind: venue?.kind ?? 'school_hall',
    address: venue?.address ?? '',
    capacity: venue?.capacity == null ? '' : String(venue.capacity),
    accessNotes: venue?.accessNotes ?? '',
  };
}

function bodyOf(draft: VenueDraft) {
  return {
    name: draft.name,
    kind: draft.kind,
    address: draft.address,
    capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity),
    accessNotes: draft.accessNotes.trim() || null,
  };
}

function Venues() {
  const { t } = useI18n();
  const venues = useLoad(async () => (await allPages('/api/performance-event/venues')).sort((a, b) => a.name.localeCompare(b.name)), []);
  return (
    <section className="card" aria-labelledby="venues-heading">
      <h2 id="venues-heading">{t('adm.venues')}</h2>
      <LoadedList value={venues} empty={t('adm.noVenues')}>
        {(list) => (
          <ul className="plain stack" data-testid="venues">
            {list.map((venue) => (
              <VenueRow key={`${venue.id}-${venue.version}`} venue={venue} onChanged={venues.reload} />
            ))}
          </ul>
        )}
      </LoadedList>
      <AddVenue onAdded={venues.reload} />
    </section>
  );
}

function VenueFields({
  draft,
  set,
  fieldError,
}: {
  draft: VenueDraft;
  set: (change: Partial<VenueDraft>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('adm.venueName')}
        error={fieldError('name')}
        name="venueName"
        value={draft.name}
        onChange={(name) => set({ name })}
      />
      <SelectField
        label={t('adm.venueKind')}
        error={fieldError('kind')}
        name="venueKind"
        value={draft.kind}
        onChange={(value) => set({ kind: value as VenueKind })}
      >
        <WordOptions words={VENUE_KIND_WORDS} />
      </SelectField>
      <Field label={t('adm.address')} error={fieldError('address')}>
        {(props) => (
          <textarea {...props} name="address" rows={2} value={draft.address} onChange={(event) => set({ address: event.target.value })} />
        )}
      </Field>
      <InputField
        label={t('adm.capacity')}
        hint={t('adm.venueCapacityHint')}
        error={fieldError('capacity')}
        name="venueCapacity"
        type="number"
        inputMode="numeric"
        min={1}
        value={draft.capacity}
        onChange={(capacity) => set({ capacity })}
      />
      <Field label={t('adm.accessNotes')} error={fieldError('accessNotes')}>
        {(props) => (
          <textarea
            {...props}
            name="accessNotes"
            rows={2}
            value={draft.accessNotes}
            onChange={(event) => set({ accessNotes: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}

function VenueRow({ venue, onChanged }: { venue: Venue; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(venue));
  const saving = useSubmit();
  const onStale = reloadWhenStale(onChanged);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      await client.PATCH('/api/performance-event/venues/{venueId}', {
        params: { path: { venueId: venue.id }, header: { 'If-Match': ifMatch(venue.version) } },
        body: bodyOf(draft),
      });
      setEditing(false);
      onChanged();
    }, onStale);
  };
  const removal = useRemoveOnce(async () => {
    await client.DELETE('/api/performance-event/venues/{venueId}', {
      params: { path: { venueId: venue.id }, header: { 'If-Match': ifMatch(venue.version) } },
    });
    onChanged();
  }, onStale);
  return (
    <li data-testid="venue" data-venue-id={venue.id}>
      {editing ? (
        <form onSubmit={submit} noValidate className="stack">
          <ConflictNotice error={saving.error} fields={VENUE_FIELDS} />
          <VenueFields draft={draft} set={(change) => setDraft((current) => ({ ...current, ...change }))} fieldError={saving.fieldError} />
          <SaveOrCancel busy={saving.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <>
          <strong>{venue.name}</strong>{' '}
          <span className="muted">
            · {t(VENUE_KIND_WORDS[venue.kind])}
            {venue.capacity != null && ` · ${t('adm.seats', { n: venue.capacity })}`}
          </span>
          <br />
          <span className="small-text">{venue.address}</span>
          <EditOrRemove
            name={venue.name}
            sureWords={t('adm.removeVenueSure', { name: venue.name })}
            removal={removal}
            onEdit={() => setEditing(true)}
          />
        </>
      )}
    </li>
  );
}

function AddVenue({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf());
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const venue = answered((await client.POST('/api/performance-event/venues', { body: bodyOf(draft) })).data);
    setDraft(draftOf());
    onAdded();
    return t('adm.venueAdded', { name: venue.name });
  });
  return (
    <SendForm
      testId="add-venue"
      heading={<h3>{t('adm.addVenue')}</h3>}
      sending={saving}
      fields={VENUE_FIELDS}
      onSubmit={submit}
      submitLabel={t('adm.addVenue')}
    >
      <VenueFields draft={draft} set={(change) => setDraft((current) => ({ ...current, ...change }))} fieldError={saving.fieldError} />
    </SendForm>
  );
}
