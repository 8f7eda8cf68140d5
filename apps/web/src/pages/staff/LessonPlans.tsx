import { useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { CursorListView, useCursorList } from '../../cursor-list';
import { formatDateTime, useI18n } from '../../i18n';
import { Empty, Field, InputField, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SaveOrCancel, SubmitButton } from '../form-frame';

type Plan = Schema<'scheduling.LessonPlanDto'>;
type Staff = Schema<'scheduling.StaffDto'>;

const PLAN_FIELDS = ['classId', 'termId', 'subject', 'topic', 'musicalActivity', 'classTeacherId', 'tutorId', 'occurrenceId'] as const;

/** The choices a plan needs: classes, terms, the staff of the schools, and (for a tutor or class teacher) their own staff record. */
function usePlanChoices() {
  return useLoad(async () => {
    const [classes, terms, staff, mine] = await Promise.all([
      allPages('/api/scheduling/classes'),
      allPages('/api/scheduling/terms'),
      allPages('/api/scheduling/staff'),
      client.GET('/api/scheduling/staff/me').then(
        ({ data }) => data ?? null,
        () => null,
      ),
    ]);
    return { classes: [...classes].sort((a, b) => a.name.localeCompare(b.name)), terms, staff, mine };
  }, []);
}

/**
 * Joint lesson plans (a class teacher and a tutor write them together, for headteachers, tutors and
 * school staff): choose a class, read its plans, write a new one, edit one (If-Match: a colleague's
 * edit meanwhile is told in words).
 */
export function StaffLessonPlans() {
  const { t } = useI18n();
  const choices = usePlanChoices();
  const [classId, setClassId] = useState('');
  return (
    <>
      <h1>{t('ht.plan.title')}</h1>
      <p>{t('ht.plan.intro')}</p>
      <Loaded value={choices}>
        {({ classes, terms, staff, mine }) =>
          classes.length === 0 ? (
            <Empty>{t('ht.plan.noClasses')}</Empty>
          ) : (
            <>
              <SelectField
                label={t('ht.plan.class')}
                name="classId"
                value={classId}
                onChange={setClassId}
                none={t('ht.plan.chooseClass')}
                choices={classes}
              />
              {classId && (
                <ClassPlans
                  key={classId}
                  classId={classId}
                  schoolId={classes.find((item) => item.id === classId)?.schoolId ?? ''}
                  terms={terms}
                  staff={staff}
                  mine={mine}
                />
              )}
            </>
          )
        }
      </Loaded>
    </>
  );
}

function ClassPlans({
  classId,
  schoolId,
  terms,
  staff,
  mine,
}: {
  classId: string;
  schoolId: string;
  terms: Schema<'scheduling.TermDto'>[];
  staff: Staff[];
  mine: Staff | null;
}) {
  const { t } = useI18n();
  const plans = useCursorList('/api/scheduling/lesson-plans', { classId }, 20);
  const [done, setDone] = useState<string | null>(null);
  const atSchool = staff.filter((person) => person.schoolIds.includes(schoolId));
  return (
    <>
      <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t('ht.plan.plans')}</h2>
        <CursorListView list={plans} empty={<Empty>{t('ht.plan.none')}</Empty>}>
          {(items) => (
            <ul className="cards plain" data-testid="plans">
              {items.map((plan) => (
                <PlanCard
                  key={plan.id}
                  plan={plan}
                  onSaved={(next) => {
                    plans.replace((item) => item.id === next.id, next);
                    setDone(t('ht.plan.saved', { topic: next.topic }));
                  }}
                  onStale={(fresh) => plans.replace((item) => item.id === fresh.id, fresh)}
                />
              ))}
            </ul>
          )}
        </CursorListView>
      </section>
      <NewPlan
        classId={classId}
        terms={terms}
        teachers={atSchool.filter((person) => person.kind === 'school_staff')}
        tutors={atSchool.filter((person) => person.kind === 'tutor')}
        mine={mine}
        onCreated={(plan) => {
          setDone(t('ht.plan.created', { topic: plan.topic }));
          plans.reload();
        }}
      />
    </>
  );
}

function PlanCard({ plan, onSaved, onStale }: { plan: Plan; onSaved: (plan: Plan) => void; onStale: (plan: Plan) => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState(plan.subject);
  const [topic, setTopic] = useState(plan.topic);
  const [activity, setActivity] = useState(plan.musicalActivity);
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(
      async () => {
        const { data } = await client.PATCH('/api/scheduling/lesson-plans/{planId}', {
          params: { path: { planId: plan.id }, header: { 'If-Match': `"${plan.version}"` } },
          body: { subject, topic, musicalActivity: activity },
        });
        setOpen(false);
        onSaved(answered(data));
      },
      async (problem) => {
        // Changed meanwhile: said in words (kept as the error); the plan as it is now replaces the one read.
        if (problem instanceof ApiProblem && problem.status === 412) {
          const { data } = await client.GET('/api/scheduling/lesson-plans/{planId}', { params: { path: { planId: plan.id } } });
          onStale(answered(data));
        }
      },
    );
  };
  return (
    <li className="card" data-plan-id={plan.id}>
      <h3>
        {plan.subject}: {plan.topic}
      </h3>
      <p>{plan.musicalActivity}</p>
      <p className="muted">
        {t('ht.plan.authors', { teacher: plan.classTeacherName, tutor: plan.tutorName })}
        {plan.sessionStartsAt && ` · ${formatDateTime(language, plan.sessionStartsAt, me.area.timeZone)}`}
      </p>
      {open ? (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="edit-plan">
          <ConflictNotice error={submission.error} fields={PLAN_FIELDS} />
          <InputField
            label={t('ht.plan.subject')}
            error={submission.fieldError('subject')}
            name="subject"
            value={subject}
            onChange={setSubject}
          />
          <InputField label={t('ht.plan.topic')} error={submission.fieldError('topic')} name="topic" value={topic} onChange={setTopic} />
          <Field label={t('ht.plan.activity')} error={submission.fieldError('musicalActivity')}>
            {(props) => (
              <textarea {...props} name="musicalActivity" rows={4} value={activity} onChange={(event) => setActivity(event.target.value)} />
            )}
          </Field>
          <SaveOrCancel busy={submission.busy} saveLabel={t('ht.plan.save')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setSubject(plan.subject);
            setTopic(plan.topic);
            setActivity(plan.musicalActivity);
            setOpen(true);
          }}
        >
          {t('ht.plan.edit')}
          <span className="visually-hidden">: {plan.topic}</span>
        </button>
      )}
    </li>
  );
}

function NewPlan({
  classId,
  terms,
  teachers,
  tutors,
  mine,
  onCreated,
}: {
  classId: string;
  terms: Schema<'scheduling.TermDto'>[];
  teachers: Staff[];
  tutors: Staff[];
  mine: Staff | null;
  onCreated: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const currentTerm = terms.find((term) => term.startsOn <= today && today <= term.endsOn) ?? terms[terms.length - 1];
  const [termId, setTermId] = useState(currentTerm?.id ?? '');
  const [subject, setSubject] = useState('');
  const [topic, setTopic] = useState('');
  const [activity, setActivity] = useState('');
  const [classTeacherId, setClassTeacherId] = useState(mine?.kind === 'school_staff' ? mine.id : '');
  const [tutorId, setTutorId] = useState(mine?.kind === 'tutor' ? mine.id : '');
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(async () => {
      // Creating POSTs carry an Idempotency-Key (the client adds a fresh one).
      const { data } = await client.POST('/api/scheduling/lesson-plans', {
        body: { classId, termId, subject, topic, musicalActivity: activity, classTeacherId, tutorId },
      });
      setSubject('');
      setTopic('');
      setActivity('');
      onCreated(answered(data));
    });
  };
  return (
    <section className="card" aria-labelledby="new-plan-heading">
      <h2 id="new-plan-heading">{t('ht.plan.new')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="new-plan">
        <ConflictNotice error={submission.error} fields={PLAN_FIELDS} />
        <SelectField
          label={t('term')}
          error={submission.fieldError('termId')}
          name="termId"
          value={termId}
          onChange={setTermId}
          none={t('ht.plan.chooseTerm')}
          choices={terms}
        />
        <InputField
          label={t('ht.plan.subject')}
          hint={t('ht.plan.subjectHint')}
          error={submission.fieldError('subject')}
          name="subject"
          value={subject}
          onChange={setSubject}
        />
        <InputField label={t('ht.plan.topic')} error={submission.fieldError('topic')} name="topic" value={topic} onChange={setTopic} />
        <Field label={t('ht.plan.activity')} error={submission.fieldError('musicalActivity')}>
          {(props) => (
            <textarea {...props} name="musicalActivity" rows={4} value={activity} onChange={(event) => setActivity(event.target.value)} />
          )}
        </Field>
        <SelectField
          label={t('ht.plan.teacher')}
          error={submission.fieldError('classTeacherId')}
          name="classTeacherId"
          value={classTeacherId}
          onChange={setClassTeacherId}
          none={t('ht.plan.chooseTeacher')}
        >
          {teachers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('tutor')}
          error={submission.fieldError('tutorId')}
          name="tutorId"
          value={tutorId}
          onChange={setTutorId}
          none={t('ht.plan.chooseTutor')}
        >
          {tutors.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
        <SubmitButton busy={submission.busy} label={t('ht.plan.create')} />
      </form>
    </section>
  );
}
