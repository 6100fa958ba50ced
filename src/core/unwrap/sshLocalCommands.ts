/**
 * ssh settings that run a command on THIS machine, through the user's shell, before or after connecting:
 * `ProxyCommand` (runs to open the connection: `scp -o ProxyCommand="rm -rf ~" f host:` deletes the home directory
 * here), `LocalCommand` (after connecting, with PermitLocalCommand) and `KnownHostsCommand`. They reach ssh as
 * `-o Key=value` / `-oKey=value` / `-o "Key value"` on ssh, scp, sftp and on the ssh command line of rsync
 * (`-e`/`--rsh`, RSYNC_RSH) and git (core.sshCommand, GIT_SSH_COMMAND, judged as shell text already, which brings
 * them here), or in a config file named with `-F`, which the walker reads. scp and sftp also take the program to
 * run instead of ssh (`-S program`), and sftp a batch file (`-b file`) whose lines starting with `!` are shell
 * commands run here (`!rm -rf ~`).
 */
import type { Arg } from '../invocation';

/** Options of each program that take a value, by letter (getopt-style: `-oX=y`, `-o X=y`, `-vo X=y`). */
const VALUE_LETTERS: Readonly<Record<string, string>> = {
  ssh: 'BbcDEeFIiJLlmOoPpQRSWw',
  scp: 'cDFiJloPSX',
  sftp: 'BbcDFiJloPRSsX',
};

/** ssh_config keywords whose value is a command run here. `none` turns one off. */
const LOCAL_COMMAND_KEYS = /^(?:proxycommand|localcommand|knownhostscommand)$/i;

/** One ssh_config line (`Key value`, `Key=value`, `Key = value`): the command it runs here, if it names one. */
function commandOf(setting: Arg): Arg | undefined {
  const m = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)([\s\S]*)$/.exec(setting.value);
  if (!m || !LOCAL_COMMAND_KEYS.test(m[1] ?? '')) return undefined;
  const command = (m[2] ?? '').trim();
  // `ProxyCommand=$CMD`: the key is known, the command is not
  if (command === '' && !setting.dynamic) return undefined;
  if (command.toLowerCase() === 'none') return undefined;
  return { value: command, dynamic: setting.dynamic, glob: false };
}

export interface SshLocalCommands {
  /** Shell text ssh runs on this machine (possibly only known when it runs). */
  readonly texts: readonly Arg[];
  /** Config files named with `-F`, which may hold more of them. */
  readonly configFiles: readonly Arg[];
  /** `scp|sftp -S program`: run here instead of ssh, with ssh's arguments. */
  readonly programs: readonly Arg[];
  /** `sftp -b file` (`-` is standard input): its `!` lines run here. */
  readonly batchFiles: readonly Arg[];
}

const NONE: SshLocalCommands = { texts: [], configFiles: [], programs: [], batchFiles: [] };

/** The local commands of `ssh|scp|sftp ARGS` (its own options, before the host). */
export function sshLocalCommands(program: string, args: readonly Arg[]): SshLocalCommands {
  const letters = VALUE_LETTERS[program];
  if (letters === undefined) return NONE;
  const texts: Arg[] = [];
  const configFiles: Arg[] = [];
  const programs: Arg[] = [];
  const batchFiles: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    const v = a.value;
    if (v === '--') break;
    if (v.length < 2 || v[0] !== '-' || v[1] === '-') {
      // ssh's options end at the host; scp's and sftp's may follow their operands
      if (program === 'ssh') break;
      continue;
    }
    for (let j = 1; j < v.length; j++) {
      const c = v[j] ?? '';
      if (!letters.includes(c)) continue;
      const value = j + 1 < v.length ? { ...a, value: v.slice(j + 1) } : args[++i];
      if (value !== undefined && c === 'o') {
        const t = commandOf(value);
        if (t !== undefined) texts.push(t);
      } else if (value !== undefined && c === 'F') configFiles.push(value);
      else if (value !== undefined && c === 'S' && program !== 'ssh') programs.push(value);
      else if (value !== undefined && c === 'b' && program === 'sftp') batchFiles.push(value);
      break;
    }
  }
  return texts.length === 0 && configFiles.length === 0 && programs.length === 0 && batchFiles.length === 0 ? NONE : { texts, configFiles, programs, batchFiles };
}

/** The local commands in an ssh config file's text (every `Host` block: which one applies is not worked out). */
export function sshConfigCommands(text: string): readonly Arg[] {
  const out: Arg[] = [];
  for (const line of text.split('\n')) {
    if (!/(?:proxy|local|knownhosts)command/i.test(line)) continue;
    const t = commandOf({ value: line.replace(/^\s*#.*$/, ''), dynamic: false, glob: false });
    if (t !== undefined) out.push(t);
  }
  return out;
}

/**
 * The shell commands of an sftp batch file: lines whose command is `!` (after blanks and the `-` / `@` prefixes
 * that ignore errors and echo). `!` alone starts an interactive shell, which reads nothing here.
 */
export function sftpBatchCommands(text: string): readonly Arg[] {
  const out: Arg[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*[-@]*\s*!([\s\S]*)$/.exec(line);
    const command = m?.[1]?.trim();
    if (command !== undefined && command !== '') out.push({ value: command, dynamic: false, glob: false });
  }
  return out;
}

/**
 * rsync's remote shell: `-e CMD`, `--rsh=CMD`, `--rsh CMD`, or RSYNC_RSH. rsync runs it as a program with the host
 * and its own server command appended, so it is shell text run here (`-e "ssh -o ProxyCommand=…"`).
 */
/** rsync's short options, other than `-e`, that take a value. */
const RSYNC_VALUE_LETTERS = 'BfMT@';

export function rsyncRemoteShell(args: readonly Arg[], env: Readonly<Record<string, string>> | undefined): Arg | undefined {
  let found: Arg | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    const v = a.value;
    if (v === '--') break;
    if (v === '--rsh') found = args[++i];
    else if (v.startsWith('--rsh=')) found = { ...a, value: v.slice(6) };
    else if (v.length > 1 && v[0] === '-' && v[1] !== '-') {
      // a cluster of short options (`-avze ssh`, `-essh`): `e` takes the rest of the word or the next one;
      // other letters that take a value end the cluster
      for (let j = 1; j < v.length; j++) {
        const c = v[j] ?? '';
        if (c === 'e') {
          found = j + 1 < v.length ? { ...a, value: v.slice(j + 1) } : args[++i];
          break;
        }
        if (RSYNC_VALUE_LETTERS.includes(c)) {
          if (j + 1 === v.length) i++;
          break;
        }
      }
    }
  }
  if (found !== undefined) return found;
  const fromEnv = env?.['RSYNC_RSH'];
  return fromEnv !== undefined && fromEnv.trim() !== '' ? { value: fromEnv, dynamic: false, glob: false } : undefined;
}
