/**
 * The judge service (`agent-guard serve`): a hook hands its call to it when one runs for this build and user, and
 * must then answer exactly as it would have by itself; when the service is missing, unsafe, silent, dropped or
 * talking nonsense, the hook judges by itself — never "no answer", never an allow it would not have given.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { TestEditor } from './testEditor';
import { AGENTS, CLI, fixture, fixtureNames, readAnswer, runHook, runHookAsync, scratch, type Scratch } from './harness';

/** The socket the hooks of this build look for with `env`, as `agent-guard doctor` names it. */
function socketPath(env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [CLI, 'doctor', '--json'], { encoding: 'utf8', env });
  const socket = (JSON.parse(r.stdout) as { service: { socket?: string } }).service.socket;
  assert.ok(socket !== undefined, r.stdout);
  return socket;
}

function startService(s: Scratch, env: NodeJS.ProcessEnv = s.env): Promise<{ child: ChildProcess; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--idle-minutes', '5'], { cwd: s.root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      if (log.includes('judging hooks on')) resolve({ child, log: () => log });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${log}`)));
  });
}

/** A stand-in service on the hooks' socket that does `onRequest` with each connection. */
function fakeService(socket: string, onRequest: (c: net.Socket) => void, mode = 0o600): Promise<net.Server> {
  fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
  const server = net.createServer((c) => c.once('data', () => onRequest(c)));
  return new Promise((resolve) =>
    server.listen(socket, () => {
      fs.chmodSync(socket, mode);
      resolve(server);
    }),
  );
}

const DANGEROUS = (ws: string): string => JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' }, tool_use_id: 'c' });

describe('agent-guard hook with the judge service (agent-guard serve)', function () {
  this.timeout(120_000);

  describe('a running service answers every recorded payload exactly as the hook would by itself', () => {
    let s: Scratch;
    let service: { child: ChildProcess; log: () => string };
    before(async () => {
      s = scratch('ag-service-');
      fs.writeFileSync(path.join(s.ws, 'src', 'app.ts'), 'export {};\n');
      service = await startService(s);
    });
    after(async () => {
      // the service writes its code cache into the scratch home as it exits: wait for that before removing it
      await new Promise((resolve) => {
        service.child.once('exit', resolve);
        service.child.kill('SIGTERM');
      });
      s.cleanup();
    });

    for (const agent of AGENTS) {
      it(agent, async () => {
        let calls = 0;
        for (const name of fixtureNames(agent)) {
          const input = fixture(agent, name, s.ws);
          const viaService = runHook(s, agent, input);
          const alone = runHook(s, agent, input, [], { AGENT_GUARD_SERVICE: '0' });
          assert.deepEqual(
            { status: viaService.status, stdout: viaService.stdout, stderr: viaService.stderr },
            { status: alone.status, stdout: alone.stdout, stderr: alone.stderr },
            `${agent}/${name}`,
          );
          calls++;
        }
        // the service's log arrives while this test waits (each hook above ran synchronously)
        await new Promise((r) => setTimeout(r, 300));
        const served = service.log().split('\n').filter((l) => l.startsWith(`agent-guard serve: hook ${agent}`)).length;
        assert.equal(served, calls, `every ${agent} call went to the service:\n${service.log()}`);
      });
    }

    it('agent-guard doctor says it runs (and without it, that each hook judges by itself)', () => {
      const doctor = (env: NodeJS.ProcessEnv): { running: boolean; socket?: string } => {
        const r = spawnSync(process.execPath, [CLI, 'doctor', '--json'], { cwd: s.ws, encoding: 'utf8', env: { ...s.env, ...env } });
        return (JSON.parse(r.stdout) as { service: { running: boolean; socket?: string } }).service;
      };
      assert.deepEqual(doctor({}), { running: true, socket: socketPath(s.env), detail: 'running: hooks hand their calls to it' });
      assert.equal(doctor({ XDG_RUNTIME_DIR: path.join(s.root, 'elsewhere') }).running, false);
    });

    it('a call that waits for a person in the editor: the service asks once and the hook waits for its answer', async () => {
      const editor = new TestEditor(s.runtime, s.ws, 'yes');
      await editor.start();
      try {
        const writeEnv = JSON.stringify({ session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path.join(s.ws, '.env'), content: 'K=1' }, tool_use_id: 't' });
        const yes = readAnswer('claude', await runHookAsync(s, 'claude', writeEnv));
        assert.equal(yes.effect, 'allow');
        editor.mode = 'never';
        const started = Date.now();
        // nobody answers: the service answers by the deadline (6 s less the margin) with Claude Code's own ask
        const unanswered = readAnswer('claude', await runHookAsync(s, 'claude', writeEnv, ['--timeout', '6']));
        assert.equal(unanswered.effect, 'ask');
        assert.ok(Date.now() - started < 6000, 'answered before the agent would give up');
        // one request per call: the hook never gave up on the service and asked again by itself
        assert.equal(editor.received.filter((m) => m['type'] === 'confirm').length, 2);
      } finally {
        await editor.stop();
      }
    });

    it('a policy error reaches stderr through the service too, and the call is still judged', () => {
      const ws = path.join(s.root, 'broken');
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.vscode', 'agent-guard.json'), '{ "protectedPaths": [ ');
      const input = DANGEROUS(ws);
      const viaService = runHook(s, 'claude', input);
      const alone = runHook(s, 'claude', input, [], { AGENT_GUARD_SERVICE: '0' });
      assert.match(viaService.stderr, /POLICY NOT LOADED/);
      assert.deepEqual([viaService.status, viaService.stdout, viaService.stderr], [alone.status, alone.stdout, alone.stderr]);
    });
  });

  it('a runtime folder too deep for a socket path: the service and the hooks meet in a private folder of the temp dir', async () => {
    const s = scratch('ag-service-');
    const tmp = path.join(s.root, 'tmp');
    fs.mkdirSync(tmp);
    const env = { ...s.env, XDG_RUNTIME_DIR: path.join(s.root, 'a-runtime-folder-whose-path-is-longer-than-a-unix-socket-path-may-be-'.repeat(2)), TMPDIR: tmp };
    const service = await startService(s, env);
    try {
      const socket = socketPath(env);
      assert.ok(socket.startsWith(path.join(tmp, 'agent-guard-')), socket);
      assert.ok(fs.statSync(socket).isSocket());
      assert.equal(fs.statSync(path.dirname(socket)).mode & 0o777, 0o700);
      const r = runHook(s, 'claude', DANGEROUS(s.ws), [], env);
      assert.match(readAnswer('claude', r).reason, /fs\.delete-system/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.match(service.log(), /agent-guard serve: hook claude → exit/);
    } finally {
      await new Promise((resolve) => {
        service.child.once('exit', resolve);
        service.child.kill('SIGTERM');
      });
      s.cleanup();
    }
  });

  describe('when the service cannot answer, the hook judges by itself', () => {
    let s: Scratch;
    let socket: string;
    beforeEach(() => {
      s = scratch('ag-service-');
      socket = socketPath(s.env);
    });
    afterEach(() => s.cleanup());

    const deniesAlone = (r: { status: number | null; stdout: string; stderr: string }): void => {
      const got = readAnswer('claude', r);
      assert.equal(got.effect, 'deny', JSON.stringify(r));
      assert.match(got.reason, /fs\.delete-system/);
    };

    it('a socket file nobody listens on (a service that was killed)', () => {
      fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
      const script = `const s=require('net').createServer().listen(${JSON.stringify(socket)},()=>{require('fs').chmodSync(${JSON.stringify(socket)},0o600);process.kill(process.pid,'SIGKILL')})`;
      spawnSync(process.execPath, ['-e', script]);
      assert.ok(fs.statSync(socket).isSocket(), 'the killed listener left its socket behind');
      deniesAlone(runHook(s, 'claude', DANGEROUS(s.ws)));
    });

    it('a service that hangs up at once, one that talks nonsense, and one that never answers (answered by the deadline)', async () => {
      for (const behave of [(c: net.Socket) => c.destroy(), (c: net.Socket) => c.end('not json\nat all\n'), () => {}]) {
        const server = await fakeService(socket, behave);
        const started = Date.now();
        deniesAlone(await runHookAsync(s, 'claude', DANGEROUS(s.ws), ['--timeout', '3']));
        assert.ok(Date.now() - started < 10_000);
        await new Promise((r) => server.close(r));
      }
    });

    it('a socket that others may use is never trusted, even when it would allow everything', async () => {
      const allowAll = (c: net.Socket): void => {
        c.end('{"v":1,"deadline":0}\n{"v":1,"stdout":"{}","stderr":"","code":0}\n');
      };
      const open = await fakeService(socket, allowAll, 0o666);
      deniesAlone(await runHookAsync(s, 'claude', DANGEROUS(s.ws)));
      await new Promise((r) => open.close(r));
    });

    it('AGENT_GUARD_SERVICE=0 keeps every hook judging by itself', async () => {
      const allowAll = (c: net.Socket): void => {
        c.end('{"v":1,"deadline":0}\n{"v":1,"stdout":"{}","stderr":"","code":0}\n');
      };
      const server = await fakeService(socket, allowAll);
      deniesAlone(runHook(s, 'claude', DANGEROUS(s.ws), [], { AGENT_GUARD_SERVICE: '0' }));
      await new Promise((r) => server.close(r));
    });
  });
});
