/**
 * Everything the E2E run starts outside this process is registered here and stopped on every way out: normal
 * end, a failed test, an uncaught error, Ctrl-C (SIGINT) or SIGTERM. Stopping is synchronous (signals only), so
 * it also works from the `exit` event, the last thing Node runs.
 */
import * as fs from 'node:fs';

type Stop = () => void;

const stops = new Map<number, Stop>();
let nextId = 1;
let installed = false;

/** Registers a synchronous stop function; returns a function that unregisters it (after a normal stop). */
export function onTeardown(stop: Stop): () => void {
  installHandlers();
  const id = nextId++;
  stops.set(id, stop);
  return () => {
    stops.delete(id);
  };
}

export function teardownAll(): void {
  for (const [id, stop] of [...stops].reverse()) {
    stops.delete(id);
    try {
      stop();
    } catch {
      // keep stopping the rest
    }
  }
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', teardownAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      process.stderr.write(`\ne2e: ${signal} — stopping code-server and the browser\n`);
      teardownAll();
      process.exit(code);
    });
  }
}

/**
 * Kills a process group started with `detached: true`, and also every process that descends from its leader
 * but left the group (node-pty starts shells in their own session), found through /proc.
 */
export function killProcessTree(leader: number): void {
  const family = descendants(leader);
  signal(-leader, 'SIGKILL');
  for (const pid of family) signal(pid, 'SIGKILL');
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      // `pid (comm) state ppid …`; comm may contain spaces and parentheses, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent && !found.includes(pid)) {
        found.push(pid);
        frontier.push(pid);
      }
    }
  }
  return found;
}
