import { api } from '../../api';
import { useApp } from '../../app-context';
import type { GuardedPupil, Pupil } from '../../types';
import { useLoad } from '../../ui';

export interface Child extends GuardedPupil {
  name: string;
  yearGroup: number | null;
}

/** The signed-in parent's children with their names (the names live in scheduling). */
export function useChildren() {
  const { me } = useApp();
  return useLoad(
    () =>
      Promise.all(
        me.children.map(async (child): Promise<Child> => {
          try {
            const pupil = await api<Pupil>(`/api/scheduling/pupils/${child.pupilId}`);
            return { ...child, name: `${pupil.firstName} ${pupil.lastName}`, yearGroup: pupil.yearGroup };
          } catch {
            return { ...child, name: child.pupilId.slice(0, 8), yearGroup: null };
          }
        }),
      ),
    [me.userId],
  );
}
