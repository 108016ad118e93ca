// Reads who, where and which team from a Teams activity, defensively: any field may be missing.
import type { Activity } from 'botbuilder';
import type { PersonRef } from '../domain/person';
import { PLACEHOLDER_TEAM_NAME } from '../domain/team-settings';

type Loose = Record<string, unknown> | undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 1024 ? v : undefined);

export function personOf(account: Partial<{ id: string; name: string; aadObjectId: string }> | undefined): PersonRef | undefined {
  const teamsId = str(account?.id);
  if (!teamsId) return undefined;
  return { id: str(account?.aadObjectId) ?? teamsId, teamsId, name: str(account?.name) ?? 'A colleague' };
}

export function actorOf(activity: Partial<Activity>): PersonRef | undefined {
  return personOf(activity.from);
}

export function tenantOf(activity: Partial<Activity>): string {
  const cd = activity.channelData as Loose;
  return str((cd?.tenant as Loose)?.id) ?? str(activity.conversation?.tenantId) ?? '';
}

export function teamOf(activity: Partial<Activity>): { id: string; name: string } | undefined {
  const team = (activity.channelData as Loose)?.team as Loose;
  const id = str(team?.id);
  return id ? { id, name: str(team?.name) ?? PLACEHOLDER_TEAM_NAME } : undefined;
}

export function channelIdOf(activity: Partial<Activity>): string | undefined {
  return str(((activity.channelData as Loose)?.channel as Loose)?.id) ?? str(activity.conversation?.id);
}

export type Scope = 'personal' | 'groupChat' | 'channel';

export function scopeOf(activity: Partial<Activity>): Scope {
  const t = activity.conversation?.conversationType;
  if (t === 'channel') return 'channel';
  if (t === 'groupChat') return 'groupChat';
  return 'personal';
}
