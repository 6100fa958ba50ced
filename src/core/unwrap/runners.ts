/**
 * Programs that start a command given to them: task runners and environment tools agents use every day
 * (`uv run`, `poetry run`, `bundle exec`, `nix develop -c`, `op run --`, `dotenv --`, `tmux new`, `watchexec`,
 * `concurrently`, …), multi-call binaries (`busybox rm`), tracers (`strace cmd`), schedulers (`at`), and
 * `trap 'cmd' EXIT`. What they start is judged like the command itself.
 */
import type { Arg } from '../invocation';
import { parseOptions } from './options';
import { exec, joinForShell, lit, simple, skipOptions, withoutVersion, type Wrapper, type WrapperResult } from './kit';

/** `busybox rm -rf /`, `toybox rm …`: the applet named first. */
function multiCall(label: string): Wrapper {
  return (args) => {
    const first = args[0]?.value;
    if (first === undefined || first.startsWith('-')) return { kind: 'none' };
    return exec(args, 0, label);
  };
}

/** `strace -f -o log cmd…`, `ltrace …`; attaching to a running process (`-p`) starts nothing. */
function tracer(label: string, withValue: string): Wrapper {
  return (args) => {
    const { options, rest } = parseOptions(args, { shortWithValue: withValue });
    if (options.has('p') && rest >= args.length) return { kind: 'none' };
    return exec(args, rest, label);
  };
}

/** `script -c 'cmd' [file]` (util-linux). The BSD form `script file cmd…` is left alone: `./script a b` is common. */
const script: Wrapper = (args) => {
  const { options } = parseOptions(args, { shortWithValue: 'cEIOBTm', longWithValue: ['command', 'echo', 'log-in', 'log-out', 'log-io', 'log-timing', 'logging-format', 'output-limit'] });
  const text = options.get('c') ?? options.get('command');
  return text !== undefined ? { kind: 'shell', text: lit(text), label: 'script -c' } : { kind: 'none' };
};

/** `at now <<< 'cmd'`, `echo cmd | at now`, `at -f file now`, `batch`: a shell runs the job's text later. */
const at: Wrapper = (args) => {
  const { options } = parseOptions(args, { shortWithValue: 'qfts', stopAtPositional: false });
  if (options.has('l') || options.has('r') || options.has('d') || options.has('c') || options.has('V')) return { kind: 'none' };
  const file = options.get('f');
  if (file !== undefined) return { kind: 'script', path: lit(file), label: 'at -f ' + file, positional: [] };
  return { kind: 'stdin', label: 'at' };
};


/** A crontab line that schedules a command: five time fields or an `@reboot`-style nickname, then the command. */
const CRON_JOB = /^\s*(?:@\w+|(?:\S+\s+){4}\S+)\s+(.+)$/;

/**
 * `crontab -` / `crontab` with its table on standard input (`crontab <<EOF … EOF`, `echo '* * * * * cmd' |
 * crontab -`): the commands it schedules are judged as commands that will run. Removing or emptying the table is
 * the system pack's concern, judged on crontab itself.
 */
const crontab: Wrapper = (args, input) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'u' });
  if (options.has('l') || options.has('r') || options.has('e') || options.has('V')) return { kind: 'none' };
  const file = args[rest]?.value;
  if ((file !== undefined && file !== '-') || input.stdinText === undefined) return { kind: 'none' };
  const texts: Arg[] = [];
  for (const line of input.stdinText.split('\n')) {
    if (/^\s*(?:#|$|[A-Za-z_][A-Za-z0-9_]*\s*=)/.test(line)) continue;
    // `%` ends the command (what follows is its standard input) unless escaped
    const command = CRON_JOB.exec(line)?.[1]?.split(/(?<!\\)%/)[0];
    if (command !== undefined && command.trim() !== '') texts.push(lit(command));
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'crontab job', self: true } : { kind: 'none' };
};

/** What nvm takes as a version: `20`, `v20.1.0`, `20.x`, `node`, `lts/iron`, `default`… */
const NVM_VERSION = /^(?:v?\d[\d.x]*|node|iojs|stable|unstable|system|default|lts\/.+|iojs-v?[\d.]+)$/;

/**
 * `nvm exec [--silent] [--lts[=name]] [version] cmd…` runs cmd; `nvm run [--silent] [--lts[=name]] [version] args…`
 * runs `node args…`; `nvm-exec cmd…` (the script nvm installs) runs cmd. nvm itself takes only those options, and
 * stops at the first other word: `nvm run -e 'code'` is `node -e 'code'`. The version may be left out (then .nvmrc
 * says it), and is not read after `--lts`. A word that may be an alias of the user's (`nvm alias proj 20`) is judged
 * both ways: as the version, and as the start of what runs.
 */
const nvm: Wrapper = (args) => {
  const sub = args[0]?.value;
  if (sub !== 'exec' && sub !== 'run') return { kind: 'none' };
  let i = 1;
  let lts = false;
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '--lts' || v.startsWith('--lts=')) lts = true;
    // `exec` refuses other long options today; skipped, so that one it learns later still leaves cmd judged
    else if (v !== '--silent' && v !== '' && !(sub === 'exec' && v.startsWith('--') && v !== '--')) break;
  }
  const label = 'nvm ' + sub;
  const runs = (from: number): readonly Arg[] => {
    // `nvm exec -- cmd` hands `--` on as the command (which fails); cmd is judged all the same
    const at = sub === 'exec' && args[from]?.value === '--' ? from + 1 : from;
    return sub === 'exec' ? args.slice(at) : [lit('node'), ...args.slice(at)];
  };
  const word = args[i];
  if (lts || word === undefined || word.value.startsWith('-')) return result(runs(i), label);
  if (NVM_VERSION.test(word.value)) return result(runs(i + 1), label);
  if ((!word.dynamic && /[./]/.test(word.value)) || i + 1 >= args.length) return result(runs(i), label);
  return { kind: 'many', commands: [runs(i), runs(i + 1)].filter((c) => c.length > 0), shellTexts: [], label };
};

function result(argv: readonly Arg[], label: string): WrapperResult {
  return argv.length === 0 ? { kind: 'none' } : { kind: 'exec', argv, label };
}

/**
 * `<tool> <sub> [opts] [--] cmd…`: after the sub-command (one of `subs`) and the tool's options (those in
 * `withValue` take one), the command starts; `skip` words (a profile, a directory) come before it.
 */
function subcommandRunner(label: string, subs: readonly string[], withValue: readonly string[], skip = 0): Wrapper {
  return (args) => {
    const s = skipOptions(args, 0, withValue);
    if (!subs.includes(args[s]?.value ?? '')) return { kind: 'none' };
    const from = skipOptions(args, s + 1, withValue) + skip;
    return exec(args, args[from]?.value === '--' ? from + 1 : from, `${label} ${args[s]?.value ?? ''}`);
  };
}

/**
 * Distributions that bundle kubectl and friends as sub-commands: `microk8s kubectl delete ns prod`,
 * `minikube kubectl -- delete ns prod`, `k3s kubectl …` run the bundled tool (named by `tools`) with the rest.
 */
function bundledTools(label: string, tools: Readonly<Record<string, string>>, withValue: readonly string[]): Wrapper {
  return (args) => {
    const s = skipOptions(args, 0, withValue);
    const tool = tools[args[s]?.value ?? ''];
    if (tool === undefined) return { kind: 'none' };
    const from = args[s + 1]?.value === '--' ? s + 2 : s + 1;
    return { kind: 'exec', argv: [lit(tool), ...args.slice(from)], label: `${label} ${args[s]?.value ?? ''}` };
  };
}

/** Everything after the first `--` (`op run -- cmd`, `mise exec node@20 -- cmd`), else nothing is known to run. */
function afterDoubleDash(label: string, subs: readonly string[]): Wrapper {
  return (args) => {
    if (subs.length > 0 && !subs.includes(args.find((a) => !a.value.startsWith('-'))?.value ?? '')) return { kind: 'none' };
    const dd = args.findIndex((a) => a.value === '--');
    return dd < 0 ? { kind: 'none' } : exec(args, dd + 1, label);
  };
}

const UV_VALUE = ['--with', '--with-editable', '--with-requirements', '-p', '--python', '--package', '--project', '--directory', '--env-file', '--extra', '--group', '--only-group', '--no-group', '--index', '--default-index', '--index-url', '--extra-index-url', '-f', '--find-links', '--from', '--cache-dir', '--config-file', '-C', '--config-setting'];

/** `uvx [--from x] tool[@version] args…`, `uv tool run …`: like npx, the tool's binary is what runs. */
const uvx: Wrapper = (args) => {
  const i = skipOptions(args, 0, UV_VALUE);
  const first = args[i];
  return first === undefined ? { kind: 'none' } : exec([withoutVersion(first), ...args.slice(i + 1)], 0, 'uvx');
};

const uv: Wrapper = (args, input) => {
  const s = skipOptions(args, 0, UV_VALUE);
  const sub = args[s]?.value;
  if (sub === 'tool' && (args[s + 1]?.value === 'run')) return uvx(args.slice(s + 2), input);
  if (sub !== 'run') return { kind: 'none' };
  const from = skipOptions(args, s + 1, UV_VALUE);
  return exec(args, from, 'uv run');
};

/** `nix develop -c cmd…`, `nix shell pkgs -c cmd…`; `nix-shell --run 'text'`. */
const nix: Wrapper = (args) => {
  const c = args.findIndex((a) => a.value === '-c' || a.value === '--command');
  return c >= 0 && ['develop', 'shell'].includes(args[0]?.value ?? '') ? exec(args, c + 1, 'nix ' + (args[0]?.value ?? '')) : { kind: 'none' };
};

const nixShell: Wrapper = (args) => {
  const i = args.findIndex((a) => a.value === '--run' || a.value === '--command');
  const text = i >= 0 ? args[i + 1] : undefined;
  return text ? { kind: 'shell', text, label: 'nix-shell --run' } : { kind: 'none' };
};

/** `doppler run [--] cmd…`, `doppler run --command 'text'`. */
const doppler: Wrapper = (args) => {
  if (args[0]?.value !== 'run') return { kind: 'none' };
  const c = args.findIndex((a) => a.value === '--command');
  const text = c >= 0 ? args[c + 1] : undefined;
  if (text) return { kind: 'shell', text, label: 'doppler run --command' };
  const from = skipOptions(args, 1, ['-p', '--project', '-c', '--config', '--token', '--mount', '--mount-format', '--name-transformer', '--fallback']);
  return exec(args, from, 'doppler run');
};

/** `aws-vault exec PROFILE [--] cmd…`: the command runs with the profile's credentials (AWS_VAULT names it). */
const awsVault: Wrapper = (args) => {
  if (args[0]?.value !== 'exec') return { kind: 'none' };
  const at = skipOptions(args, 1, ['-d', '--duration', '-t', '--mfa-token', '-r', '--region', '--prompt', '--backend']);
  const profile = args[at];
  if (!profile || profile.dynamic) return { kind: 'none' };
  const from = args[at + 1]?.value === '--' ? at + 2 : at + 1;
  return exec(args, from, 'aws-vault exec', { env: { AWS_VAULT: profile.value } });
};

/** `direnv exec DIR cmd…`: runs in DIR. */
const direnv: Wrapper = (args) => (args[0]?.value === 'exec' && args[1] ? exec(args, 2, 'direnv exec', { cwd: args[1] }) : { kind: 'none' });

/** `dotenv [-e file] [--] cmd…` (dotenv-cli). */
const dotenv: Wrapper = (args) => exec(args, skipOptions(args, 0, ['-e', '-c', '-v', '-p']), 'dotenv');

/** tmux sub-commands that start a shell command, and `send-keys … Enter`, which types one into a pane. */
const TMUX_VALUE = ['-c', '-e', '-f', '-F', '-n', '-s', '-t', '-x', '-y', '-l', '-L', '-S', '-N', '-T'];

const tmux: Wrapper = (args) => {
  const s = skipOptions(args, 0, ['-L', '-S', '-f', '-T']);
  const sub = args[s]?.value ?? '';
  const from = skipOptions(args, s + 1, TMUX_VALUE);
  const words = args.slice(from);
  if (['new', 'new-session', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'respawnp', 'respawn-window', 'respawnw', 'run-shell', 'run'].includes(sub)) {
    return words.length > 0 ? { kind: 'shell', text: joinForShell(words), label: `tmux ${sub}` } : { kind: 'none' };
  }
  if (sub === 'send-keys' || sub === 'send') {
    const enter = words.findIndex((w) => /^(?:Enter|C-m|KPEnter)$/.test(w.value));
    return enter > 0 ? { kind: 'shell', text: joinForShell(words.slice(0, enter)), label: 'tmux send-keys' } : { kind: 'none' };
  }
  return { kind: 'none' };
};

/** `screen -dmS name cmd…`. */
const screen: Wrapper = (args) => {
  const { rest } = parseOptions(args, { shortWithValue: 'SceHhpstTX' });
  return rest < args.length ? exec(args, rest, 'screen') : { kind: 'none' };
};

/** `watchexec [opts] -- cmd…`; a single word is shell text (`watchexec -e ts 'npm test'`). */
const watchexec: Wrapper = (args) => {
  const dd = args.findIndex((a) => a.value === '--');
  if (dd >= 0) return exec(args, dd + 1, 'watchexec');
  const from = skipOptions(args, 0, ['-w', '--watch', '-e', '--exts', '-f', '--filter', '-i', '--ignore', '-d', '--debounce', '--delay-run', '-s', '--signal', '--shell', '-E', '--env', '--on-busy-update', '--project-origin', '--workdir', '--stop-signal', '--stop-timeout', '--emit-events-to', '--filter-file', '--ignore-file', '-j', '--filter-prog', '--fs-events', '--poll', '--color', '--notify', '--timings', '--wrap-process', '-o']);
  const words = args.slice(from);
  if (words.length === 1 && words[0]) return { kind: 'shell', text: words[0], label: 'watchexec' };
  return exec(args, from, 'watchexec');
};

/** `nodemon --exec 'text'` / `-x 'text'`. */
const nodemon: Wrapper = (args) => {
  const i = args.findIndex((a) => a.value === '--exec' || a.value === '-x');
  const text = i >= 0 ? args[i + 1] : undefined;
  return text ? { kind: 'shell', text, label: 'nodemon --exec' } : { kind: 'none' };
};

const CONCURRENTLY_VALUE = ['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format', '-s', '--success', '-m', '--max-processes', '--restart-tries', '--restart-after', '--default-input-target', '--pad-prefix', '--name-separator', '--teardown', '-P', '--passthrough-arguments'];

/** `concurrently 'cmd a' 'cmd b'`: each is shell text (`npm:x` names a script, judged by its runner). */
const concurrently: Wrapper = (args) => {
  const texts: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.value.startsWith('-')) {
      if (!a.value.includes('=') && CONCURRENTLY_VALUE.includes(a.value)) i++;
      continue;
    }
    const script = /^(npm|yarn|pnpm|bun):(.+)$/.exec(a.value);
    texts.push(script ? lit(`${script[1] ?? 'npm'} run ${script[2] ?? ''}`) : a);
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'concurrently' } : { kind: 'none' };
};

/** `entr [-acdnprz] cmd…`, `entr -s 'text'`. */
const entr: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, {});
  const first = args[rest];
  if (options.has('s') && first) return { kind: 'shell', text: first, label: 'entr -s' };
  return exec(args, rest, 'entr');
};

/**
 * `trap 'text' EXIT`: the text runs when the signal comes (at the latest when the shell exits). Text built at
 * run time (`trap "rm -rf $dir" EXIT`, the usual clean-up) is left to the commands that build it.
 */
const trap: Wrapper = (args): WrapperResult => {
  const i = args[0]?.value === '--' ? 1 : 0;
  const text = args[i];
  if (!text || text.dynamic || text.value.startsWith('-') || args.length < i + 2 || text.value.trim() === '') return { kind: 'none' };
  return { kind: 'shell', text, label: 'trap' };
};

/** git's sub-command programs (in git's exec path) that the git pack judges. */
const GIT_PROGRAMS = ['push', 'reset', 'clean', 'branch', 'tag', 'checkout', 'restore', 'rm', 'stash', 'filter-branch', 'update-ref', 'reflog', 'gc', 'prune'];

export const RUNNER_WRAPPERS: readonly (readonly [string, Wrapper])[] = [
  ['busybox', multiCall('busybox')],
  // git under another name: `hub` and `yadm` pass their commands to git; `git-push` is git's own `push` program
  ['hub', (args) => exec([lit('git'), ...args], 0, 'hub')],
  ['yadm', (args) => exec([lit('git'), ...args], 0, 'yadm')],
  ...GIT_PROGRAMS.map((sub): [string, Wrapper] => ['git-' + sub, (args) => exec([lit('git'), lit(sub), ...args], 0, 'git-' + sub)]),
  ['microk8s', bundledTools('microk8s', { kubectl: 'kubectl', 'microk8s.kubectl': 'kubectl', helm: 'helm', helm3: 'helm' }, [])],
  ['microk8s.kubectl', (args) => exec([lit('kubectl'), ...args], 0, 'microk8s.kubectl')],
  ['minikube', bundledTools('minikube', { kubectl: 'kubectl' }, ['-p', '--profile'])],
  ['k3s', bundledTools('k3s', { kubectl: 'kubectl' }, [])],
  ['k0s', bundledTools('k0s', { kubectl: 'kubectl' }, [])],
  ['toybox', multiCall('toybox')],
  ['strace', tracer('strace', 'eopsuaEIOSXPb')],
  ['ltrace', tracer('ltrace', 'eopsuanlFADx')],
  ['nsenter', simple('nsenter', { shortWithValue: 'tSGrw', longWithValue: ['target', 'setuid', 'setgid', 'root', 'wd', 'wdns', 'env'] })],
  ['unshare', simple('unshare', { shortWithValue: 'RwSGl', longWithValue: ['root', 'wd', 'setuid', 'setgid', 'map-user', 'map-group', 'map-users', 'map-groups', 'propagation', 'setgroups', 'load-interp'] })],
  ['systemd-run', simple('systemd-run', { shortWithValue: 'upEMHs', longWithValue: ['unit', 'property', 'setenv', 'machine', 'host', 'description', 'slice', 'uid', 'gid', 'nice', 'working-directory', 'on-active', 'on-boot', 'on-startup', 'on-unit-active', 'on-unit-inactive', 'on-calendar', 'on-timezone-change', 'on-clock-change', 'timer-property', 'path-property', 'socket-property', 'service-type', 'expand-environment'] })],
  ['firejail', simple('firejail', {})],
  ['fakeroot', simple('fakeroot', { shortWithValue: 'lisb', longWithValue: ['lib', 'faked'] })],
  ['fakechroot', simple('fakechroot', { shortWithValue: 'lsed', longWithValue: ['lib', 'use-system-libs', 'environment', 'config-dir'] })],
  ['xvfb-run', simple('xvfb-run', { shortWithValue: 'efnpsw', longWithValue: ['error-file', 'auth-file', 'server-num', 'xauth-protocol', 'server-args', 'wait'] })],
  ['proot', simple('proot', { shortWithValue: 'rbmwqk', longWithValue: ['rootfs', 'bind', 'mount', 'pwd', 'cwd', 'qemu', 'kernel-release'] })],
  ['caffeinate', simple('caffeinate', { shortWithValue: 'tw' })],
  ['with-contenv', simple('with-contenv', {})],
  ['script', script],
  ['at', at],
  ['crontab', crontab],
  ['batch', at],
  ['uv', uv],
  ['uvx', uvx],
  ['poetry', subcommandRunner('poetry', ['run'], ['-C', '--directory', '-P', '--project'])],
  ['pipenv', subcommandRunner('pipenv', ['run'], [])],
  ['pdm', subcommandRunner('pdm', ['run'], ['-p', '--project', '-g'])],
  ['hatch', subcommandRunner('hatch', ['run'], ['-e', '--env', '-p', '--project'])],
  ['conda', subcommandRunner('conda', ['run'], ['-n', '--name', '-p', '--prefix', '--cwd'])],
  ['mamba', subcommandRunner('mamba', ['run'], ['-n', '--name', '-p', '--prefix', '--cwd'])],
  ['micromamba', subcommandRunner('micromamba', ['run'], ['-n', '--name', '-p', '--prefix', '--cwd'])],
  ['pixi', subcommandRunner('pixi', ['run', 'exec'], ['-e', '--environment', '--manifest-path'])],
  ['pipx', subcommandRunner('pipx', ['run'], ['--spec', '--python', '--index-url', '-i', '--pip-args'])],
  ['bundle', subcommandRunner('bundle', ['exec'], ['--gemfile'])],
  ['asdf', subcommandRunner('asdf', ['exec'], [])],
  ['nvm', nvm],
  ['nvm-exec', simple('nvm-exec', {})],
  ['devbox', subcommandRunner('devbox', ['run'], ['-c', '--config', '-e', '--env', '--env-file'])],
  ['aws-vault', awsVault],
  ['mise', afterDoubleDash('mise', ['exec', 'x'])],
  ['rtx', afterDoubleDash('rtx', ['exec', 'x'])],
  ['op', afterDoubleDash('op', ['run'])],
  ['infisical', afterDoubleDash('infisical', ['run'])],
  ['doppler', doppler],
  ['direnv', direnv],
  ['dotenv', dotenv],
  ['nix', nix],
  ['nix-shell', nixShell],
  ['tmux', tmux],
  ['screen', screen],
  ['watchexec', watchexec],
  ['nodemon', nodemon],
  ['concurrently', concurrently],
  ['entr', entr],
  ['trap', trap],
];
