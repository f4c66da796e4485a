// Workspace roles and what each may do. No server imports: the dashboard's forms show the same rules.
export const WORKSPACE_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

const RANK: Record<WorkspaceRole, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** True when `role` is `required` or above (owner > admin > member). */
export function hasRole(role: WorkspaceRole, required: WorkspaceRole): boolean {
  return RANK[role] >= RANK[required];
}

export const WORKSPACE_NAME_MAX = 60;
/** How long an invite link works. */
export const INVITE_TTL_DAYS = 7;
/** Workspaces a user may create (besides their personal one). */
export const MAX_WORKSPACES_PER_USER = 20;
export const MAX_MEMBERS_PER_WORKSPACE = 100;
