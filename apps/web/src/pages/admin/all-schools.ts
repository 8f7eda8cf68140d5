import { allPages } from '../../api';
import type { School } from '../../types';
import { useLoad } from '../../ui';

/** Every school of the area, for choosing one (all pages, not just the first 100). */
export function useAllSchools() {
  return useLoad(() => allPages<School>('/api/scheduling/schools'), []);
}
