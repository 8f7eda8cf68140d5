import { allPages, client, everyItem, type Schema } from '../../api/client';
import { formatDay, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, Loaded, TableFrame, useLoad } from '../../ui';
import { useMySchools, type School } from './schools';

type Ensemble = Schema<'scheduling.EnsembleDto'>;

/** The ensembles of the headteacher's schools, each with who plays in it now. */
export function HeadEnsembles() {
  const { t } = useI18n();
  const schools = useMySchools();
  return (
    <>
      <h1>{t('head.ensembles')}</h1>
      <Loaded value={schools}>{(list) => (list.length === 0 ? <Empty>{t('noSchool')}</Empty> : <SchoolEnsembles schools={list} />)}</Loaded>
    </>
  );
}

function SchoolEnsembles({ schools }: { schools: School[] }) {
  const { t } = useI18n();
  const ids = schools.map((school) => school.id);
  const ensembles = useLoad(
    async () => (await allPages('/api/scheduling/ensembles')).filter((item) => item.schoolId != null && ids.includes(item.schoolId)),
    [ids.join()],
  );
  return (
    <Loaded value={ensembles}>
      {(list) =>
        list.length === 0 ? (
          <Empty>{t('head.noEnsembles')}</Empty>
        ) : (
          schools.map((school) => (
            <section key={school.id} aria-labelledby={`ensembles-${school.id}`}>
              {schools.length > 1 && <h2 id={`ensembles-${school.id}`}>{school.name}</h2>}
              <div className="cards">
                {list
                  .filter((item) => item.schoolId === school.id)
                  .map((ensemble) => (
                    <EnsembleCard key={ensemble.id} ensemble={ensemble} headingLevel={schools.length > 1 ? 3 : 2} />
                  ))}
              </div>
            </section>
          ))
        )
      }
    </Loaded>
  );
}

function EnsembleCard({ ensemble, headingLevel }: { ensemble: Ensemble; headingLevel: 2 | 3 }) {
  const { t, language } = useI18n();
  const members = useLoad(
    async () =>
      (
        await everyItem(
          async (cursor) =>
            (
              await client.GET('/api/scheduling/ensembles/{ensembleId}/members', {
                params: { path: { ensembleId: ensemble.id }, query: { limit: 100, cursor } },
              })
            ).data,
        )
      ).filter((member) => member.leftOn == null),
    [ensemble.id],
  );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card" aria-labelledby={`ensemble-${ensemble.id}`} data-testid="ensemble">
      <Heading id={`ensemble-${ensemble.id}`}>{ensemble.name}</Heading>
      <p className="muted">
        {t(`head.kind.${ensemble.kind}`)}
        {ensemble.level && ` · ${ensemble.level}`}
      </p>
      <Loaded value={members}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('head.noMembers')}</Empty>
          ) : (
            <details>
              <summary>{t('head.membersCount', { n: list.length })}</summary>
              <TableFrame
                label={t('head.membersOf', { name: ensemble.name })}
                columns={[t('head.name'), t('head.instrument'), t('head.since')]}
              >
                {list.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">{member.name}</th>
                    <td>{member.instrument ?? '–'}</td>
                    <td>{formatDay(language, member.joinedOn)}</td>
                  </tr>
                ))}
              </TableFrame>
            </details>
          )
        }
      </Loaded>
      <p>
        <Link to={`/head/ensembles/${ensemble.id}`}>{t('head.ensembles.changeMembers', { name: ensemble.name })}</Link>
      </p>
    </article>
  );
}
