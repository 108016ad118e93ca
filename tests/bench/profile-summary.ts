// Reads the V8 CPU profile that --cpu-prof wrote for Valued and says where the time went:
// by package (or Valued's own source folder) and by function, self time only.
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byPlace: Array<{ place: string; selfMs: number; share: number }>;
  topFunctions: Array<{ place: string; selfMs: number; share: number }>;
}

function placeOf(url: string, root: string): string {
  if (!url) return '(native / idle / gc)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith('node:')) return 'node (core)';
  const rel = path.relative(root, file);
  const parts = rel.split(path.sep);
  return parts[0] === 'dist' ? parts.slice(1, 3).join('/') : rel;
}

/** `file`: a .cpuprofile, or a folder whose newest .cpuprofile is read. */
export function summariseProfile(fileOrDir: string, root: string): ProfileSummary | undefined {
  if (!fs.existsSync(fileOrDir)) return undefined;
  const file = fs.statSync(fileOrDir).isDirectory()
    ? fs
        .readdirSync(fileOrDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(fileOrDir, f))
        .sort()
        .pop()
    : fileOrDir;
  if (!file) return undefined;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    total += ms;
    const place = placeOf(node.callFrame.url, root);
    places.set(place, (places.get(place) ?? 0) + ms);
    const fn = `${name} ${place}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([place, selfMs]) => ({ place, selfMs, share: selfMs / total }));
  return {
    file: path.relative(root, file),
    totalMs: total,
    byPlace: rank(places).slice(0, 25),
    topFunctions: rank(functions).slice(0, 40),
  };
}
