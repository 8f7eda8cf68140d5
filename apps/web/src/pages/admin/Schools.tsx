import { useState } from 'react';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import { Empty, InputField } from '../../ui';
import { CursorListView, useCursorList } from '../../cursor-list';
import { PHASE_WORDS } from './admin-words';

/** The area's schools, each opening its page (its details, classes and pupils); a name search over the schools shown. */
export function AdminSchools() {
  const { t } = useI18n();
  const schools = useCursorList('/api/scheduling/schools', {}, 100);
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLowerCase();
  return (
    <>
      <h1>{t('schools')}</h1>
      <p>
        <Link to="/admin/comparison-schools">{t('cmp.link')}</Link>
      </p>
      <InputField label={t('adm.searchByName')} name="schoolSearch" type="search" value={search} onChange={setSearch} />
      <CursorListView list={schools} showCount empty={<Empty>{t('noSchools')}</Empty>}>
        {(items) => {
          const shown = items.filter((school) => !wanted || school.name.toLowerCase().includes(wanted) || school.urn?.includes(wanted));
          return shown.length === 0 ? (
            <Empty>{t('adm.noneMatch')}</Empty>
          ) : (
            <ul className="cards" data-testid="schools">
              {shown.map((school) => (
                <li key={school.id} className="card">
                  <Link to={`/admin/schools/${school.id}`}>
                    <strong>{school.name}</strong>
                  </Link>
                  <span className="muted">
                    {' '}
                    · {t(PHASE_WORDS[school.phase])}
                    {school.urn && ` · URN ${school.urn}`}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </CursorListView>
    </>
  );
}
