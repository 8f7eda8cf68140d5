import { allPages, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { useLoad } from '../../ui';

export type School = Schema<'scheduling.SchoolDto'>;

/** The schools the signed-in headteacher leads (all the area's when their grant names none). */
export function useMySchools() {
  const { me } = useApp();
  const ids = me.grants.filter((grant) => grant.role === 'headteacher').flatMap((grant) => grant.schoolIds ?? []);
  return useLoad(
    async () => (await allPages('/api/scheduling/schools')).filter((school) => ids.length === 0 || ids.includes(school.id)),
    [me.userId],
  );
}
