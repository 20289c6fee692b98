/**
 * The DRI roster of the directive (section 8): who must be named, with a
 * contact, by T-2h. The CEO is the executive tie-break and joins the 50% →
 * 100% gate review. Pure data; the config fills in the people.
 */
export const ROLES = ['incidentCommander', 'releaseEng', 'pmB2c', 'pmB2b', 'securityCompliance', 'dataObservability', 'ceo'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLE: Record<Role, string> = {
  incidentCommander: 'Incident Commander',
  releaseEng: 'Release Eng',
  pmB2c: 'PM-B2C',
  pmB2b: 'PM-B2B',
  securityCompliance: 'Security/Compliance',
  dataObservability: 'Data/Observability',
  ceo: 'CEO (executive tie-break)',
};

export interface RosterEntry {
  name: string;
  /** How to reach them; for Slack a mention such as <@U024BE7LH>. */
  contact: string;
}

export type Roster = Partial<Record<Role, RosterEntry>>;

/** Whether `name` holds `role` in the roster; names compare without case or surrounding space. */
export function holdsRole(roster: Roster, role: Role, name: string): boolean {
  const entry = roster[role];
  return entry !== undefined && entry.name.trim().toLowerCase() === name.trim().toLowerCase();
}

/** The roles the roster leaves empty, in the directive's order. */
export function missingRoles(roster: Roster): Role[] {
  return ROLES.filter((r) => !roster[r]?.name.trim() || !roster[r]?.contact.trim());
}
