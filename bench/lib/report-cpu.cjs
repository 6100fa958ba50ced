// Preloaded (`node --require`) into every process the CLI bench spawns, the bare `node -e 0` included: at exit
// it writes the CPU time the process used (user + system, all threads, ms) to file descriptor 3. CPU time is
// far less disturbed than wall time by other work on a shared 2-core machine.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    require('fs').writeSync(3, String((u.userCPUTime + u.systemCPUTime) / 1000));
  } catch {
    // fd 3 not open: run outside the bench
  }
});
