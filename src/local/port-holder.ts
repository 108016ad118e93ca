// When a port `npm start` needs is taken, say plainly by what: most often a Valued or Azurite
// left running by an earlier start that was killed outright, which only needs stopping.
import fs from 'node:fs';
import http from 'node:http';

type Holder = 'Azurite' | 'Valued';

/** Asks whatever answers on the port what it is: Azurite names itself; Valued serves its own home page. */
function whoAnswers(port: number): Promise<Holder | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`http://127.0.0.1:${port}/`, { agent: false, timeout: 1500 }, (res) => {
      if (/^Azurite/i.test(String(res.headers.server ?? ''))) {
        res.resume();
        return resolve('Azurite');
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body = (body + chunk).slice(0, 4000)));
      res.on('end', () => resolve(body.includes('<title>Valued · Valued</title>') ? 'Valued' : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(undefined));
  });
}

const readProc = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The process listening on the port, from /proc (Linux, and only our own processes). */
export function pidListeningOn(port: number): number | undefined {
  const sockets = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (readProc(table) ?? '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/); // local address is HEXIP:HEXPORT; state 0A is LISTEN
      if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port) sockets.add(`socket:[${cols[9]}]`);
    }
  }
  if (sockets.size === 0) return undefined;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // not ours to look at, or gone
    }
    for (const fd of fds) {
      try {
        if (sockets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        // closed while we looked
      }
    }
  }
  return undefined;
}

/** The `npm start` that owns the process, if it is still running. */
function runningStartOf(pid: number): number | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
  return Number.isInteger(ppid) && /start-local/.test(readProc(`/proc/${ppid}/cmdline`) ?? '') ? ppid : undefined;
}

/** A plain message for a port that is already taken. */
export async function portInUseMessage(port: number, what: string, envName: string): Promise<string> {
  const other = `or pick another port, e.g. ${envName}=${port + 1} npm start`;
  const holder = await whoAnswers(port);
  if (!holder) return `Port ${port} (${what}) is already in use by another program. Please stop it, ${other}`;
  const name = holder === 'Azurite' ? 'Azurite' : 'the Valued bot';
  const pid = process.platform === 'linux' ? pidListeningOn(port) : undefined;
  const start = pid ? runningStartOf(pid) : undefined;
  if (start)
    return `Port ${port} (${what}) is in use by ${name} from an npm start that is still running (process ${start}). Stop that one with Ctrl+C in its terminal, ${other}`;
  if (pid)
    return `Port ${port} (${what}) is still held by ${name}, left running by an earlier npm start that didn’t stop cleanly. Please stop it, then run npm start again:\n  kill ${pid}`;
  return `Port ${port} (${what}) is in use by ${name}, probably left running by an earlier npm start that didn’t stop cleanly. Please stop it, ${other}`;
}
