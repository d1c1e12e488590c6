// Loaded with `node --require` into a CLI process a test spawns: on exit, writes what the process
// loaded to the file named by HANDOVER_TEST_LOADED_FILE: Node's built-in modules (public ones, from
// process.moduleLoadList) and the packages required from node_modules.
'use strict'
const file = process.env.HANDOVER_TEST_LOADED_FILE
if (file) {
  process.on('exit', () => {
    const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/')).map((m) => m.slice('NativeModule '.length))
    const packages = new Set()
    for (const f of Object.keys(require.cache)) {
      const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)
      if (m) packages.add(m[1].replace('\\', '/'))
    }
    require('node:fs').writeFileSync(file, JSON.stringify({ builtins, packages: [...packages].sort() }))
  })
}
