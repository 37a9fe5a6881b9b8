// Loaded with `node --require scripts/cpu-profile.cjs …` (or through NODE_OPTIONS, which refuses --cpu-prof): samples
// the process's CPU every 2 ms from the start and writes a .cpuprofile (Chrome DevTools, speedscope) to
// CPU_PROFILE_DIR (default ./test-output/profiles) when the process exits. A SIGKILL writes nothing.
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.CPU_PROFILE_DIR || path.resolve('test-output/profiles');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 2000 });
session.post('Profiler.start');
let written = false;
process.on('exit', () => {
  if (written) return;
  written = true;
  // Inside 'exit' only synchronous work runs; a session's post calls back synchronously.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${process.pid}-${Date.now()}.cpuprofile`),
      JSON.stringify(result.profile),
    );
  });
});
