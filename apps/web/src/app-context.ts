import { createContext, useContext } from 'react';
import type { Schema } from './api/client';

/** The signed-in person as /identity/me answers. */
export type Me = Schema<'MeDto'>;

/** A role a person may act in. */
export type Role = Me['roles'][number];

/** Who is signed in and the role they act in; pages read it with useApp(). Kept apart from App.tsx so that pages never import the shell that imports them. */
export interface AppState {
  me: Me;
  role: Role;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside a signed-in page');
  return state;
}
