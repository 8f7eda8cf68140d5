import { useState } from 'react';
import { ApiProblem, allPages, answered, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { CursorListView, usePagedList } from '../../cursor-list';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, type Loadable, Loaded, SelectField, TableFrame, useLoad } from '../../ui';

type School = Schema<'scheduling.SchoolDto'>;
type IncomingPupil = Schema<'scheduling.IncomingPupilDto'>;

/** What the caller may not see answers 404: told in words, not as an error to retry. */
function isNotFound(value: Loadable<unknown>): boolean {
  return value.state === 'error' && value.error instanceof ApiProblem && value.error.status === 404;
}

/**
 * A partner secondary school's incoming pupils (issue 18) for its own staff and headteacher: the
 * partner schools of their grant (a choice when there are several); none when their school is not a partner.
 */
export function MyIncomingPupils() {
  const { t } = useI18n();
  const { me, role } = useApp();
  const ids = me.grants.filter((grant) => grant.role === role).flatMap((grant) => grant.schoolIds ?? []);
  const schools = useLoad(
    async () =>
      (await allPages('/api/scheduling/schools')).filter((school) => school.partner && (ids.length === 0 || ids.includes(school.id))),
    [me.userId, role],
  );
  const [chosen, setChosen] = useState('');
  return (
    <>
      <h1>{t('incoming.title')}</h1>
      <Loaded value={schools}>
        {(partners) => {
          if (partners.length === 0) return <Empty>{t('incoming.noPartner')}</Empty>;
          const school = partners.find((candidate) => candidate.id === chosen) ?? partners[0];
          return (
            <>
              {partners.length > 1 && (
                <SelectField label={t('incoming.school')} name="schoolId" value={school.id} onChange={setChosen} choices={partners} />
              )}
              <IncomingList school={school} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** One school's incoming pupils by its id: the programme admin's link from the school record, or a link shared among staff. */
export function SchoolIncomingPupils({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const { role } = useApp();
  const school = useLoad(
    async () => answered((await client.GET('/api/scheduling/schools/{schoolId}', { params: { path: { schoolId } } })).data),
    [schoolId],
  );
  return (
    <>
      {role === 'programme_admin' && (
        <p>
          <Link to={`/admin/schools/${schoolId}`}>{t('back')}</Link>
        </p>
      )}
      <h1>{t('incoming.title')}</h1>
      {isNotFound(school) ? (
        <Empty>{t('incoming.notFound')}</Empty>
      ) : (
        <Loaded value={school}>
          {(found) => (found.partner ? <IncomingList school={found} /> : <Empty>{t('incoming.notPartner', { school: found.name })}</Empty>)}
        </Loaded>
      )}
    </>
  );
}

/** The table of one partner school's incoming pupils, 20 at a time with "Show more". */
function IncomingList({ school }: { school: School }) {
  const { t } = useI18n();
  const pupils = usePagedList<IncomingPupil>(
    async ({ limit, cursor }) =>
      answered(
        (
          await client.GET('/api/scheduling/schools/{schoolId}/incoming-pupils', {
            params: { path: { schoolId: school.id }, query: { limit, ...(cursor ? { cursor } : {}) } },
          })
        ).data,
      ),
    [school.id],
  );
  if (isNotFound(pupils)) return <Empty>{t('incoming.notFound')}</Empty>;
  return (
    <section aria-labelledby="incoming-school">
      <h2 id="incoming-school">{school.name}</h2>
      <p>{t('incoming.intro')}</p>
      <CursorListView list={pupils} showCount empty={<Empty>{t('incoming.none', { school: school.name })}</Empty>}>
        {(items) => (
          <TableFrame
            label={t('incoming.caption', { school: school.name })}
            testId="incoming-pupils"
            columns={[t('incoming.pupil'), t('incoming.yearLeft'), t('incoming.ensembles'), t('incoming.instrument')]}
          >
            {items.map((pupil) => {
              const instruments = [...new Set(pupil.ensembles.flatMap((ensemble) => (ensemble.instrument ? [ensemble.instrument] : [])))];
              return (
                <tr key={pupil.pupilId} data-pupil-id={pupil.pupilId}>
                  <th scope="row">
                    {pupil.firstName} {pupil.lastName}
                  </th>
                  <td>{pupil.yearLeft}</td>
                  <td>{pupil.ensembles.map((ensemble) => ensemble.name).join(', ')}</td>
                  <td>{instruments.length > 0 ? instruments.join(', ') : t('incoming.noInstrument')}</td>
                </tr>
              );
            })}
          </TableFrame>
        )}
      </CursorListView>
    </section>
  );
}
