/**
 * Could an unquoted glob name a given place? Bash expands globs in redirect targets and arguments alike, so
 * `echo 0 > /proc/s?s/kernel/x` writes /proc/sys/kernel/x and `tee /proc/sy[s]/…` the same. Rules that look for one
 * fixed place (/proc/sys, /proc/sysrq-trigger, /etc/sudoers) ask this instead of comparing text, segment by
 * segment, without the file system: a glob that could match is taken as matching (the worst case).
 */

/** One glob segment (`s?s`, `sy[s]`, `*`) as an anchored regular expression; a slash never matches. */
function segmentPattern(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] ?? '';
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      re += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const GLOB_CHAR = /[*?[]/;

/** A test of one name against one glob segment, compiled once. */
function segmentTest(globSeg: string): (name: string) => boolean {
  if (!GLOB_CHAR.test(globSeg)) return (name) => name === globSeg;
  let re: RegExp | undefined;
  try {
    re = segmentPattern(globSeg);
  } catch {
    // a class bash would read differently: assume it could match
    re = undefined;
  }
  // a leading dot is matched only by a leading dot, as bash does without dotglob
  return (name) => !(name.startsWith('.') && !globSeg.startsWith('.')) && (re === undefined || re.test(name));
}

/**
 * True when the absolute glob `pattern` could name `place` itself (`within: false`) or something below it
 * (`within: true`). `pattern` and `place` are absolute, `/`-separated; `..` in a glob is not resolved (a glob with
 * `..` after a wildcard is rare, and bash would need the directory to exist).
 */
export function globCouldName(pattern: string, place: string, within: boolean): boolean {
  const globSegs = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const placeSegs = place.split('/').filter((s) => s !== '');
  if (globSegs.length < placeSegs.length || (!within && globSegs.length !== placeSegs.length) || (within && globSegs.length === placeSegs.length)) return false;
  for (let i = 0; i < placeSegs.length; i++) {
    if (!segmentTest(globSegs[i] ?? '')(placeSegs[i] ?? '')) return false;
  }
  return true;
}

/**
 * A test for many places at once against one absolute glob (`/dev/sd?` against every disk name): true when the
 * glob could name the place itself. Each segment is compiled once, so testing a long list of names stays cheap.
 */
export function globNamer(pattern: string): (place: string) => boolean {
  const globSegs = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const tests = globSegs.map(segmentTest);
  return (place) => {
    const placeSegs = place.split('/').filter((s) => s !== '');
    return placeSegs.length === tests.length && placeSegs.every((name, i) => tests[i]?.(name) === true);
  };
}

/**
 * The part of `pattern` below `place` (`kernel/randomize_va_space`), when `globCouldName(pattern, place, true)`;
 * the caller names a setting or a file by it.
 */
export function globBelow(pattern: string, place: string): string {
  const placeCount = place.split('/').filter((s) => s !== '').length;
  return pattern.split('/').filter((s) => s !== '' && s !== '.').slice(placeCount).join('/');
}
