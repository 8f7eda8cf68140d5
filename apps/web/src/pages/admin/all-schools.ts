import { allPages } from '../../api/client';
import { useLoad } from '../../ui';

/** Every school of the area, for choosing one (all pages, not just the first 100). */
export function useAllSchools() {
  return useLoad(() => allPages('/api/scheduling/schools'), []);
}
