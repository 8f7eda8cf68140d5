import { api } from '../../api';
import { useApp } from '../../app-context';
import type { Page, School } from '../../types';
import { useLoad } from '../../ui';

/** The schools the signed-in headteacher leads (all the area's when their grant names none). */
export function useMySchools() {
  const { me } = useApp();
  const ids = me.grants.filter((grant) => grant.role === 'headteacher').flatMap((grant) => grant.schoolIds ?? []);
  return useLoad(
    async () =>
      (await api<Page<School>>('/api/scheduling/schools', { query: { limit: 100 } })).items.filter(
        (school) => ids.length === 0 || ids.includes(school.id),
      ),
    [me.userId],
  );
}
