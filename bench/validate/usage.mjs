// Preloaded (--import) into every process the bench starts: at exit, prints the process's CPU time and
// peak memory to stderr as one marked JSON line. CPU time holds up on a busy machine better than wall time.
import fs from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(
    2,
    `\nBENCH-USAGE ${JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, maxRSS: u.maxRSS })}\n`,
  );
});
