// A workspace role's name and what it may do, from the workspace catalogue: one place for the role
// badges, the role choices and the roles list (server pages pass getTranslations('workspace')'s t,
// client components use useRoleText).
import { useTranslations } from 'next-intl';
import type { WorkspaceRole } from '@/lib/workspaces/roles';

type RoleKey = 'roles.owner' | 'roles.ownerCan' | 'roles.admin' | 'roles.adminCan' | 'roles.member' | 'roles.memberCan';
export type RoleText = { name: string; can: string };

export function roleText(t: (key: RoleKey) => string, role: WorkspaceRole): RoleText {
  switch (role) {
    case 'OWNER':
      return { name: t('roles.owner'), can: t('roles.ownerCan') };
    case 'ADMIN':
      return { name: t('roles.admin'), can: t('roles.adminCan') };
    case 'MEMBER':
      return { name: t('roles.member'), can: t('roles.memberCan') };
  }
}

/** roleText in a client component. */
export function useRoleText(): (role: WorkspaceRole) => RoleText {
  const t = useTranslations('workspace');
  return (role) => roleText(t, role);
}
