// The signed-in staff member's permissions, read once per token from GET /api/v1/auth/whoami and kept reactive,
// so menus, buttons and the route guard follow them (lib/permissions.ts holds the rules).
import { reactive } from 'vue';
import { api, token, type Schemas } from '../api/client';
import { can as allowed, type Permissions } from './permissions';

export const access = reactive<{ whoami: Schemas['Whoami'] | null; permissions: Set<string> | null }>({ whoami: null, permissions: null });

let loadedFor: string | null = null;
let loading: Promise<Permissions> | null = null;

/** The permissions of the current staff token (cached per token); null when the server did not say. */
export function loadAccess(): Promise<Permissions> {
  const t = token('staff');
  if (!t) {
    access.whoami = null;
    access.permissions = null;
    loadedFor = null;
    return Promise.resolve(null);
  }
  if (loadedFor === t && loading) return loading;
  loadedFor = t;
  loading = api.GET('/api/v1/auth/whoami').then(({ data, response }) => {
    if (!response.ok || !data) {
      loadedFor = null; // ask again next time
      return null;
    }
    access.whoami = data;
    access.permissions = new Set(data.permissions ?? []);
    return access.permissions;
  }, () => {
    loadedFor = null;
    return null;
  });
  return loading;
}

/** Whether the signed-in user's role has the permission (true while unknown). */
export function can(permission: string): boolean {
  return allowed(access.permissions, permission);
}
