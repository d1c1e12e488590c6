// Loaded with `node --require` into a CLI process a test spawns: on exit, writes the process's
// peak resident set size (KB, from getrusage) to the file named by HANDOVER_TEST_RSS_FILE.
'use strict'
const file = process.env.HANDOVER_TEST_RSS_FILE
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)))
