/** Whether a glob could name a fixed place (bash expands globs in redirect targets and arguments alike). */
import { strict as assert } from 'node:assert';
import { globBelow, globCouldName } from '../../../src/core/paths/globReach';

describe('a glob that could name a place', () => {
  const cases: readonly [string, string, boolean, boolean][] = [
    // pattern, place, within, expected
    ['/proc/s?s/kernel/randomize_va_space', '/proc/sys', true, true],
    ['/proc/sy[s]/net/ipv4/ip_forward', '/proc/sys', true, true],
    ['/proc/[!a]ys/kernel/x', '/proc/sys', true, true],
    ['/proc/*/kernel/x', '/proc/sys', true, true],
    ['/pr*/sys/kernel/x', '/proc/sys', true, true],
    ['/proc/s?s', '/proc/sys', true, false], // the directory itself, nothing below it
    ['/proc/s?s.txt', '/proc/sys', true, false],
    ['/proc/sysinfo*/a', '/proc/sys', true, false],
    ['/proc/[!s]ys/kernel/x', '/proc/sys', true, false],
    ['/proc/.s*/kernel/x', '/proc/sys', true, false],
    ['/proc/sysrq-trigge?', '/proc/sysrq-trigger', false, true],
    ['/proc/sysrq*', '/proc/sysrq-trigger', false, true],
    ['/proc/sysrq*/x', '/proc/sysrq-trigger', false, false],
    ['/etc/sudoer?', '/etc/sudoers', false, true],
    ['/etc/sudo*.bak', '/etc/sudoers', false, false],
    ['/etc/sudoers.d/*', '/etc/sudoers.d', true, true],
  ];
  for (const [pattern, place, within, expected] of cases) {
    it(`${pattern} ${expected ? 'could' : 'cannot'} name ${within ? 'something below ' : ''}${place}`, () => {
      assert.equal(globCouldName(pattern, place, within), expected);
    });
  }

  it('names what is below the place', () => {
    assert.equal(globBelow('/proc/s?s/kernel/yama/ptrace_scope', '/proc/sys'), 'kernel/yama/ptrace_scope');
  });
});
