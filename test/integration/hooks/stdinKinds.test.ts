/**
 * The hook reads its payload from whatever fd 0 an agent hands it — a socket (Node-based agents), a pipe (agents
 * spawning through a shell or from Rust/Go), a regular file, /dev/null, a FIFO nobody writes to — and must judge it,
 * or answer by itself in time, in every case. Each case runs the built CLI through `sh` with that kind of stdin.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, readAnswer, runHook, scratch, type Scratch } from './harness';

describe('agent-guard hook: every kind of stdin an agent may hand it', function () {
  this.timeout(60_000);
  let s: Scratch;
  let payloadFile: string;
  before(() => {
    s = scratch('ag-stdin-');
    payloadFile = path.join(s.root, 'payload.json');
    const payload = { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' }, tool_use_id: 'c' };
    fs.writeFileSync(payloadFile, JSON.stringify(payload));
  });
  after(() => s.cleanup());

  /** Runs `sh -c script` with the CLI as $CLI and the payload as $PAYLOAD; returns what the agent would read. */
  const viaShell = (script: string): ReturnType<typeof readAnswer> => {
    const r = spawnSync('sh', ['-c', script], { cwd: s.ws, encoding: 'utf8', env: { ...s.env, CLI, NODE: process.execPath, PAYLOAD: payloadFile, FIFO: path.join(s.root, 'fifo') }, timeout: 30_000 });
    return readAnswer('claude', { status: r.status, stdout: r.stdout, stderr: r.stderr });
  };

  it('a socket (how Node spawns it): judged', () => {
    const got = readAnswer('claude', runHook(s, 'claude', fs.readFileSync(payloadFile, 'utf8')));
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /fs\.delete-system/);
  });

  it('a pipe: judged', () => {
    const got = viaShell('cat "$PAYLOAD" | "$NODE" "$CLI" hook claude');
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /fs\.delete-system/);
  });

  it('a pipe whose writer is slow to start: judged once the payload comes', () => {
    const got = viaShell('(sleep 1; cat "$PAYLOAD") | "$NODE" "$CLI" hook claude');
    assert.match(got.reason, /fs\.delete-system/);
  });

  it('a pipe that gets the whole payload but is never closed: judged without waiting for the end', () => {
    const started = Date.now();
    // the writer sends the payload, then holds the FIFO open for 20 s; it is killed as soon as the hook has answered
    const got = viaShell('rm -f "$FIFO" && mkfifo "$FIFO" && { (cat "$PAYLOAD"; exec sleep 20) > "$FIFO" 2>/dev/null & w=$!; "$NODE" "$CLI" hook claude --timeout 30 < "$FIFO"; rc=$?; kill $w; exit $rc; }');
    assert.match(got.reason, /fs\.delete-system/);
    assert.ok(Date.now() - started < 15_000, 'the hook waited for the writer to close stdin');
  });

  it('more than 64 MiB without a whole object: deny as malformed input, not an out-of-memory crash', () => {
    const got = readAnswer('claude', runHook(s, 'claude', '{"tool_input": "' + 'x'.repeat(65 * 1024 * 1024)));
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /hook\.malformed-input/);
  });

  it('a regular file: judged', () => {
    const got = viaShell('"$NODE" "$CLI" hook claude < "$PAYLOAD"');
    assert.match(got.reason, /fs\.delete-system/);
  });

  it('/dev/null: no payload, so deny as malformed input', () => {
    const got = viaShell('"$NODE" "$CLI" hook claude < /dev/null');
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /hook\.malformed-input/);
  });

  it('a FIFO that is open but never written: the watchdog answers deny in time and the process exits', () => {
    // `<>` opens the FIFO read-write, so the hook's read never sees an end
    const got = viaShell('rm -f "$FIFO" && mkfifo "$FIFO" && "$NODE" "$CLI" hook claude --timeout 2 <> "$FIFO"');
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /hook\.timeout/);
  });
});
