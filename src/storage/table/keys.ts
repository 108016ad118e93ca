/*
 * Every table's PartitionKey/RowKey design, in one place. All user-facing reads are a point
 * read or a query inside one partition; nothing the product does scans a table.
 *
 * | table            | PartitionKey                 | RowKey                               | read as                            |
 * |------------------|------------------------------|--------------------------------------|------------------------------------|
 * | slips            | `{teamId}|{YYYY-MM}` (a box) | slip id                              | point read; the box: one partition |
 * | history          | `person|{id}`                | `slip|{inverted time}|{slip id}`     | newest first, paged in a partition |
 * |                  |                              | `byvalue|{value}|{inv time}|{slip}`  | one value's slips, same order      |
 * |                  |                              | `sent|{inverted time}|{slip id}`     | what they sent (export, erasure)   |
 * |                  |                              | `nomination|{YYYY-MM}|{team}|{nominator}` |                               |
 * |                  |                              | `award|{YYYY-MM}|{team}`             |                                    |
 * | nominations      | `{teamId}|{YYYY-MM}`         | `{nominee id}|{nominator id}`        | the box: one partition             |
 * | votes            | `{teamId}|{YYYY-MM}`         | `person|{voter id}`                  | tally: one partition               |
 * | awards           | team id                      | `YYYY-MM`                            | point read; a team's awards        |
 * | awardrounds      | team id                      | `YYYY-MM`                            | point read (a box's award, so far) |
 * | profiles         | `person|{id}`                | `profile`                            | point read                         |
 * | memberships      | `person|{id}`                | team id                              | a person's teams; "is a member"    |
 * |                  | `team|{team id}`             | `person|{id}`                        | a team's people: one partition     |
 * | teamsettings     | team id                      | `settings`                           | point read                         |
 * | conversations    | `person|{id}` / `team|{id}`  | `personal` / `channel|{channel id}`  | point read                         |
 * |                  | `user|{teams user id}`       | `person`                             | point read (who a Teams id is)     |
 * | processed        | activity key                 | `` (empty)                           | point write that fails if present  |
 * | digestposts      | team id                      | `YYYY-MM`                            | point read; ETag-guarded lease     |
 * | rosters          | team id                      | `roster`                             | point read; ETag-guarded lease     |
 * | reflections      | `person|{id}`                | slip id                              | point read; a person's notes       |
 * | notices          | `team|{id}` / `person|{id}`  | `{notice}|{period}`                  | point write that fails if present  |
 *
 * Person ids are Entra object ids (Teams user ids when there is none); slip ids are derived
 * from the request (see services/slip-id.ts), so a redelivered request maps to the same row.
 */

// Table keys may not hold / \ # ? or control characters; Teams ids can, in principle.
export function safeKey(s: string): string {
  return s.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const join = (...parts: string[]): string => parts.map(safeKey).join('|');

/** Sorts newest first as a string: a fixed-width count down from the year 9999. */
export function invertedTime(iso: string): string {
  return String(253402300799999 - new Date(iso).getTime()).padStart(15, '0');
}

export const TABLES = [
  'slips',
  'history',
  'nominations',
  'votes',
  'awards',
  'profiles',
  'memberships',
  'teamsettings',
  'conversations',
  'processed',
  'awardrounds',
  'ratelimits',
  'digestposts',
  'rosters',
  'reflections',
  'notices',
] as const;
export type TableName = (typeof TABLES)[number];

export const keys = {
  box: (teamId: string, month: string) => join(teamId || '-', month),
  slipRow: (slipId: string) => safeKey(slipId),
  historySlip: (createdAt: string, slipId: string) => join('slip', invertedTime(createdAt), slipId),
  historySent: (createdAt: string, slipId: string) => join('sent', invertedTime(createdAt), slipId),
  historyNomination: (month: string, teamId: string, nominatorId: string) => join('nomination', month, teamId, nominatorId),
  historyAward: (month: string, teamId: string) => join('award', month, teamId),
  nominationRow: (nomineeId: string, nominatorId: string) => join(nomineeId, nominatorId),
  person: (personId: string) => join('person', personId),
  team: (teamId: string) => safeKey(teamId),
  personConversation: (personId: string) => join('person', personId),
  teamConversation: (teamId: string) => join('team', teamId),
  teamsUser: (teamsId: string) => join('user', teamsId),
  teamMembers: (teamId: string) => join('team', teamId),
  channelRow: (channelId: string) => join('channel', channelId),
};
