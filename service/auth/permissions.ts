import type { ServiceRole } from '../../schemas/service.schema.js';

export const PERMISSIONS = [
  'procedure:read',
  'dossier:create',
  'dossier:read',
  'file:upload',
  'file:read',
  'review:read',
  'review:write',
  'subject:read',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do. Readers only read; intake receives; reviewers correct; admins do all and read the audit. */
export const ROLE_PERMISSIONS: Record<ServiceRole, ReadonlySet<Permission>> = {
  reader: new Set(['procedure:read', 'dossier:read', 'file:read', 'review:read', 'subject:read']),
  intake: new Set(['procedure:read', 'dossier:create', 'dossier:read', 'file:upload', 'file:read', 'subject:read']),
  reviewer: new Set(['procedure:read', 'dossier:read', 'file:read', 'review:read', 'review:write', 'subject:read']),
  admin: new Set(PERMISSIONS),
};

export function roleMay(role: ServiceRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
