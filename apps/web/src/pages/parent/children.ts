import { answered, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { useLoad } from '../../ui';

/** A child as the signed-in guardian's account lists it (which of them the guardian may book for and consent for). */
export type GuardedPupil = Schema<'GuardedPupilDto'>;

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
            const pupil = answered(
              (await client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId: child.pupilId } } })).data,
            );
            return { ...child, name: `${pupil.firstName} ${pupil.lastName}`, yearGroup: pupil.yearGroup };
          } catch {
            return { ...child, name: child.pupilId.slice(0, 8), yearGroup: null };
          }
        }),
      ),
    [me.userId],
  );
}
