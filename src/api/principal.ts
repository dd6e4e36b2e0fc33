/** The roles of the API (DESIGN.md §6); every permission is stated against one of these. */
export const ROLES = ['admin', 'operator', 'member', 'partner', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Narrows a string to a {@link Role}. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Who is calling: the user behind a valid, unexpired, unrevoked key. The scope fields bind the
 * narrow roles to their data: a member to `partyId`, a service to `service` (the sender of its
 * reports), a partner society to `society` (a society code or the mandator's party id).
 */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly service: string | null;
  readonly society: string | null;
  readonly keyId: string;
}

/** Admins and operators see every row; the other roles see a slice. */
export function seesEverything(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'operator';
}
