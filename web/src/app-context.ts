import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ComponentTypeInfo, Permission, Session } from './types.js';

export interface AppState {
  session: Session;
  types: Map<string, ComponentTypeInfo>;
  may(permission: Permission): boolean;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('page rendered outside the signed-in application');
  return app;
}

export function typeName(app: AppState, code: string): string {
  return app.types.get(code)?.name ?? code;
}

export function fieldLabel(app: AppState, type: string, key: string): string {
  return app.types.get(type)?.fields[key] ?? key;
}
