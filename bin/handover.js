#!/usr/bin/env node
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
require(join(root, 'scripts', 'runtime.cjs')).ensureSupportedNode(root, 'handover')
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('handover: the app is not built yet; run `npm install` (or `npm run build`) in the project folder.\n')
  process.exit(1)
}
require(cli).main(process.argv)
