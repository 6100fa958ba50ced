/**
 * GNU parallel's own options, as its Getopt::Long table declares them (parallel 20221122, `options_completion_hash`):
 * which take a value, which do not. A value-taking option missing here made its value the program
 * (`parallel --halt-on-error 1 rm -rf ::: ~` ran `1`), so the table is complete for that version, and a long option
 * it does not know is reported as unknown for the caller to treat the command as one only known when it runs.
 */

/**
 * Short options that take a value (bundled getopt-style: `-j4`, `-j 4`). `-e`, `-i`, `-l` take one only when it is
 * attached or does not look like an option; they are read as flags, so the words after them stay the command.
 */
export const PARALLEL_SHORT_VALUE = 'BEHILUWaCDdjnsPNJS';

/** Long options that take a value, each with its aliases (the first name is the one the wrapper asks for). */
const LONG_WITH_VALUE = [
  'arg-file-sep|argfilesep', 'arg-file|argfile', 'arg-sep|argsep', 'basefile|bf', 'basenameextensionreplace|bner',
  'basenamereplace|bnr', 'bin', 'block-size|blocksize|block', 'block-timeout|blocktimeout|bt', 'col-sep|colsep',
  'ctag-string|ctagstring', 'debug', 'delay', 'delimiter', 'dirnamereplace|dnr', 'env', 'extensionreplace|er',
  'filter', 'group-by|groupby', 'halt-on-error|haltonerror|halt', 'header', 'joblog|jl', 'jobs', 'limit',
  'linkinputsource|xapplyinputsource', 'load', 'max-args|maxargs', 'max-chars|maxchars', 'max-procs|maxprocs',
  'max-replace-args|maxreplaceargs', 'memfree', 'memsuspend', 'min-version|minversion', 'nice', 'parens',
  'process-slot-var|processslotvar', 'profile', 'recend', 'recstart', 'results|result|res', 'retries', 'return',
  'rpl', 'rsync-opts|rsyncopts', 'semaphore-name|semaphorename|id', 'semaphore-timeout|semaphoretimeout|st',
  'seqreplace', 'shard', 'shell-completion|shellcompletion', 'slotreplace', 'sql', 'sql-and-worker|sqlandworker',
  'sql-master|sqlmaster', 'sql-worker|sqlworker', 'ssh', 'ssh-delay|sshdelay', 'sshlogin', 'sshloginfile|slf',
  'tag-string|tagstring', 'template|tmpl', 'term-seq|termseq', 'timeout', 'tmpdir|tempdir',
  'total-jobs|totaljobs|total', 'transfer-file|transferfile|transfer-files|transferfiles|tf', 'trc', 'trim',
  'use-compress-program|compress-program|usecompressprogram|compressprogram',
  'use-decompress-program|decompress-program|usedecompressprogram|decompressprogram', 'work-dir|workdir|wd',
  // an optional value in parallel's table, taken from the next word unless it looks like an option; read as always
  // taking one, as before (the stricter reading: what follows is not mistaken for the program)
  'eof', 'max-lines|maxlines', 'replace',
];

/** Long options without a value. */
const LONG_FLAGS = [
  'bar', 'bg', 'bug', 'cat', 'cleanup',
  'color-failed|colour-failed|colorfailed|colourfailed|color-fail|colour-fail|colorfail|colourfail|cf',
  'color|colour', 'compress', 'controlmaster', 'csv', 'ctag', 'ctrl-c|ctrlc', 'dry-run|dryrun|dr', 'embed', 'eta',
  'exit', 'fg', 'fifo', 'filter-hosts|filterhosts|filter-host', 'gnu', 'group', 'help',
  'hgrp|hostgrp|hostgroup|hostgroups', 'interactive', 'keep-order|keeporder', 'latest-line|latestline|ll',
  'line-buffer|line-buffered|linebuffer|linebuffered|lb', 'link|xapply',
  'max-line-length-allowed|maxlinelengthallowed', 'no-ctrl-c|no-ctrlc|noctrlc', 'no-keep-order|nokeeporder|nok|no-k',
  'no-run-if-empty|norunifempty', 'nonall', 'noswap', 'null', 'number-of-cores|numberofcores',
  'number-of-cpus|numberofcpus', 'number-of-sockets|numberofsockets', 'number-of-threads|numberofthreads', 'onall',
  'open-tty', 'output-as-files|outputasfiles|files', 'pipe-part|pipepart', 'pipe|spreadstdin', 'plain', 'plus',
  'progress', 'quote', 'recordenv|record-env', 'regexp|regex', 'remove-rec-sep|removerecsep|rrs', 'resume',
  'resume-failed|resumefailed', 'retry-failed|retryfailed', 'round-robin|roundrobin|round', 'semaphore', 'session',
  'shebang|hashbang', 'shebang-wrap', 'shell-quote|shellquote|shell_quote', 'show-limits|showlimits', 'shuf', 'silent',
  'skip-first-line|skipfirstline', 'tag', 'tee', 'tmux', 'tmux-pane|tmuxpane', 'tollef', 'transfer', 'tty',
  'ungroup', 'use-cores-instead-of-threads|usecoresinsteadofthreads',
  'use-cpus-instead-of-cores|usecpusinsteadofcores', 'use-sockets-instead-of-threads|usesocketsinsteadofthreads',
  'verbose', 'version', 'wait', 'will-cite|willcite|nn|nonotice|no-notice', 'xargs',
];

export interface ParallelOption {
  /** The option's first name (`halt-on-error` for `--halt`, `--haltonerror`, `--halt-on`). */
  readonly name: string;
  readonly takesValue: boolean;
}

let table: Map<string, ParallelOption> | undefined;

function options(): Map<string, ParallelOption> {
  if (table !== undefined) return table;
  table = new Map();
  for (const [groups, takesValue] of [[LONG_WITH_VALUE, true], [LONG_FLAGS, false]] as const) {
    for (const group of groups) {
      const names = group.split('|');
      const option = { name: names[0] ?? group, takesValue };
      for (const n of names) table.set(n, option);
    }
  }
  return table;
}

/**
 * The long option `name` names (`halt-on` is an abbreviation of `halt-on-error`, as Getopt::Long accepts any
 * unambiguous prefix), or undefined for a name parallel would reject or a later version may have added.
 */
export function parallelLongOption(name: string): ParallelOption | undefined {
  const all = options();
  const exact = all.get(name);
  if (exact !== undefined || name === '') return exact;
  let found: ParallelOption | undefined;
  for (const [n, option] of all) {
    if (!n.startsWith(name)) continue;
    if (found !== undefined && found !== option) return undefined;
    found = option;
  }
  return found;
}
