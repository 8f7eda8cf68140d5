import { useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatDay, formatTime, useI18n, type MessageKey } from '../../i18n';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { useMySchools, type School } from './schools';

type Term = Schema<'scheduling.TermDto'>;

/** One double booking a scheduling 409 lists (its `conflicts`). */
interface Clash {
  kind: 'tutor' | 'room' | 'pupil';
  occurrenceId: string;
  startsAt: string;
  clashesWith: { occurrenceId: string; title: string; startsAt: string; endsAt: string };
}

function isClash(conflict: unknown): conflict is Clash {
  return typeof conflict === 'object' && conflict !== null && 'clashesWith' in conflict;
}

/** Monday to Sunday of the week that holds `day` (UTC dates; the API plans in the area's zone). */
function weekOf(day: Date): { monday: Date; nextMonday: Date } {
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
  return { monday, nextMonday: new Date(monday.getTime() + 7 * 86_400_000) };
}

export function HeadTimetable() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const schools = useMySchools();
  const { monday, nextMonday } = weekOf(new Date());
  const occurrences = useLoad(
    () => allPages('/api/scheduling/occurrences', { from: monday.toISOString(), to: nextMonday.toISOString() }),
    [monday.toISOString()],
  );
  return (
    <>
      <h1>{t('weekTimetable')}</h1>
      <Loaded value={schools}>{(mine) => <PlanSession schools={mine} onAdded={occurrences.reload} />}</Loaded>
      <Loaded value={schools}>
        {(mine) => (
          <Loaded value={occurrences}>
            {(all) => {
              const ids = new Set(mine.map((school) => school.id));
              const names = new Set(mine.map((school) => school.name));
              const items = all.filter((item) => item.schoolName == null || names.has(item.schoolName) || ids.size === 0);
              if (items.length === 0) return <Empty>{t('noSessions')}</Empty>;
              const days = [...new Set(items.map((item) => item.localDate))].sort();
              return days.map((day) => (
                <section key={day} aria-labelledby={`day-${day}`} className="day">
                  <h2 id={`day-${day}`}>{formatDay(language, day)}</h2>
                  <table className="timetable">
                    <thead>
                      <tr>
                        <th scope="col">{t('time')}</th>
                        <th scope="col">{t('session')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items
                        .filter((item) => item.localDate === day)
                        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                        .map((item) => (
                          <tr key={item.id} className={item.status === 'cancelled' ? 'cancelled' : undefined}>
                            <td>
                              {formatTime(language, item.startsAt, me.area.timeZone)}–{formatTime(language, item.endsAt, me.area.timeZone)}
                            </td>
                            <td>
                              <strong>{item.title}</strong>
                              {item.roomName && <span className="muted"> · {item.roomName}</span>}
                              {item.status === 'cancelled' && <span className="badge badge-bad"> {t('cancelledSession')}</span>}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </section>
              ));
            }}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

const SESSION_FIELDS = ['ensembleId', 'termId', 'weekday', 'startTime', 'durationMinutes', 'roomId', 'tutorIds'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** A headteacher adds a weekly session for an ensemble of their school; a clash is shown, and can be booked anyway. */
function PlanSession({ schools, onAdded }: { schools: School[]; onAdded: () => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const choices = useLoad(async () => {
    const ids = new Set(schools.map((school) => school.id));
    const [ensembles, rooms, staff, terms] = await Promise.all([
      allPages('/api/scheduling/ensembles'),
      allPages('/api/scheduling/rooms'),
      allPages('/api/scheduling/staff'),
      allPages('/api/scheduling/terms'),
    ]);
    return {
      ensembles: ensembles.filter((item) => item.schoolId != null && ids.has(item.schoolId)),
      rooms: rooms.filter((item) => ids.has(item.schoolId)),
      staff,
      terms,
    };
  }, [schools.map((school) => school.id).join()]);
  const today = new Date().toISOString().slice(0, 10);
  const [ensembleId, setEnsembleId] = useState('');
  const [termId, setTermId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [startTime, setStartTime] = useState('15:30');
  const [endTime, setEndTime] = useState('16:30');
  const [roomId, setRoomId] = useState('');
  const [tutorId, setTutorId] = useState('');
  const { busy, error, fieldError, run } = useSubmit();
  const [clashes, setClashes] = useState<Clash[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const send = async (override: boolean, terms: Term[]) => {
    setDone(null);
    const add = async () => {
      const chosenTerm = termId || terms.find((term) => term.endsOn >= today)?.id || '';
      const { data } = await client.POST('/api/scheduling/sessions', {
        body: {
          ensembleId,
          recurrence: 'weekly',
          termId: chosenTerm || undefined,
          weekday: Number(weekday),
          startTime,
          durationMinutes: minutesOf(endTime) - minutesOf(startTime),
          roomId: roomId || undefined,
          tutorIds: tutorId ? [tutorId] : undefined,
          ...(override ? { override: true } : {}),
        },
      });
      setClashes([]);
      setDone(t('sessionAdded', { title: answered(data).title }));
      onAdded();
    };
    await run(add, (problem) => {
      // A clash is shown as the list of what clashes, with the choice to add the session anyway.
      const found = problem instanceof ApiProblem && problem.status === 409 ? problem.conflicts.filter(isClash) : [];
      if (found.length > 0) {
        setClashes(found);
        return true;
      }
      setClashes([]);
    });
  };

  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('planSession')}</h2>
      <Loaded value={choices}>
        {({ ensembles, rooms, staff, terms }) => {
          const ensemble = ensembles.find((item) => item.id === ensembleId);
          const schoolRooms = rooms.filter((room) => !ensemble || room.schoolId === ensemble.schoolId);
          const submit = (event: FormEvent) => {
            event.preventDefault();
            void send(false, terms);
          };
          return (
            <form onSubmit={submit} noValidate className="stack" data-testid="plan-session">
              <ConflictNotice error={error} fields={SESSION_FIELDS} />
              {done && <Notice>{done}</Notice>}
              <SelectField
                label={t('ensemble')}
                error={fieldError('ensembleId')}
                name="ensembleId"
                value={ensembleId}
                onChange={setEnsembleId}
                none={t('chooseEnsemble')}
                choices={ensembles}
              />
              <SelectField
                label={t('term')}
                error={fieldError('termId')}
                name="termId"
                value={termId || terms.find((term) => term.endsOn >= today)?.id || ''}
                onChange={setTermId}
                choices={terms}
              />
              <SelectField label={t('weekday')} error={fieldError('weekday')} name="weekday" value={weekday} onChange={setWeekday}>
                {WEEKDAYS.map((day) => (
                  <option key={day} value={day}>
                    {t(`weekday.${day}` as MessageKey)}
                  </option>
                ))}
              </SelectField>
              <InputField
                label={t('startTime')}
                error={fieldError('startTime')}
                name="startTime"
                type="time"
                value={startTime}
                onChange={setStartTime}
              />
              <InputField
                label={t('endTime')}
                error={fieldError('durationMinutes')}
                name="endTime"
                type="time"
                value={endTime}
                onChange={setEndTime}
              />
              <SelectField
                label={t('room')}
                error={fieldError('roomId')}
                name="roomId"
                value={roomId}
                onChange={setRoomId}
                none={t('noneSelected')}
                choices={schoolRooms}
              />
              <SelectField
                label={t('tutor')}
                error={fieldError('tutorIds')}
                name="tutorId"
                value={tutorId}
                onChange={setTutorId}
                none={t('noneSelected')}
              >
                {staff.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </SelectField>
              {clashes.length > 0 && (
                <div className="notice notice-error clashes" role="alert">
                  <p>{t('clashesFound')}</p>
                  <ul>
                    {clashes.slice(0, 10).map((clash, index) => (
                      <li key={`${clash.occurrenceId}-${clash.kind}-${index}`}>
                        {t(`clash.${clash.kind}` as MessageKey)}: {clash.clashesWith.title},{' '}
                        {formatDateTime(language, clash.clashesWith.startsAt, me.area.timeZone)}–
                        {formatTime(language, clash.clashesWith.endsAt, me.area.timeZone)}
                      </li>
                    ))}
                  </ul>
                  {clashes.length > 10 && <p>{t('moreClashes', { n: clashes.length - 10 })}</p>}
                  <button type="button" className="button secondary" disabled={busy} onClick={() => void send(true, terms)}>
                    {t('bookAnyway')}
                  </button>
                </div>
              )}
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? t('saving') : t('addSession')}
              </button>
            </form>
          );
        }}
      </Loaded>
    </section>
  );
}
