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

  it('a large payload with multi-byte text, written in small pieces that split characters, over a pipe never closed: read whole', () => {
    const big = path.join(s.root, 'big.json');
    const command = `echo '${'é€😀'.repeat(20_000)}' && rm -rf /`;
    fs.writeFileSync(big, JSON.stringify({ session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 'c' }));
    // 7-byte pieces (every character here is 2 to 4 bytes) with pauses, then the writer holds stdin open
    const writer = `python3 -c 'import sys,time,os\nd=open(sys.argv[1],"rb").read()\nfor i in range(0,len(d),7):\n  os.write(1,d[i:i+7])\n  time.sleep(0.01) if i % 70000 == 0 else None\ntime.sleep(20)' "${big}"`;
    const got = viaShell(`rm -f "$FIFO" && mkfifo "$FIFO" && { ${writer} > "$FIFO" & w=$!; "$NODE" "$CLI" hook claude --timeout 30 < "$FIFO"; rc=$?; kill $w; exit $rc; }`);
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /fs\.delete-system/);
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
