import type { Permission, Role } from '@rg/domain/access/roles';

/** Who is acting: the signed-in user, their home region (jurisdiction) and the scope they are viewing. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** 辖区: the region whose subtree the user may act in. */
  homeRegion: string;
  /** The region the console is looking at now: the home region or one inside it. */
  scope: string;
  permissions: ReadonlySet<Permission>;
  /** 首次登录须改密: until changed, only the password change is reachable (SECURITY.md 2). */
  mustChangePassword: boolean;
}

/** What a service needs to know about the request besides its input. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string;
}
