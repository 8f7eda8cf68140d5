import { useI18n } from '../../i18n';
import { Empty } from '../../ui';
import { CursorListView, useCursorList } from '../../cursor-list';

export function AdminSchools() {
  const { t } = useI18n();
  const schools = useCursorList('/api/scheduling/schools', {}, 100);
  return (
    <>
      <h1>{t('schools')}</h1>
      <CursorListView list={schools} showCount empty={<Empty>{t('noSchools')}</Empty>}>
        {(items) => (
          <ul className="cards">
            {items.map((school) => (
              <li key={school.id} className="card">
                <strong>{school.name}</strong>
                {school.urn && <span className="muted"> · URN {school.urn}</span>}
              </li>
            ))}
          </ul>
        )}
      </CursorListView>
    </>
  );
}
