import { describe, expect, it } from 'vitest'
import { COMMANDS, commandWord } from '../../../electron/cli/commands'
import { buildProgram, fullProgram } from '../../../electron/cli/index'
import { makeOut } from '../../../electron/cli/context'

const quiet = makeOut({ write: () => true } as unknown as NodeJS.WritableStream, { write: () => true } as unknown as NodeJS.WritableStream)

describe('the command table the CLI starts from', () => {
  it('lists every command the modules register, with their usage and description, in the same order', async () => {
    const full = await fullProgram(quiet)
    const help = full.createHelp()
    const registered = full.commands.map((c) => ({ name: c.name(), term: help.subcommandTerm(c), description: c.description() }))
    expect(COMMANDS.map(({ name, term, description }) => ({ name, term, description }))).toEqual(registered)
  })

  it('prints the same top-level help from the table as from the loaded modules', async () => {
    const full = await fullProgram(quiet)
    const { program: lazy } = await buildProgram(['node', 'handover', '--help'], quiet)
    expect(lazy.helpInformation()).toBe(full.helpInformation())
    expect(lazy.commands.map((c) => c.commands.length)).toEqual(lazy.commands.map(() => 0))
  })

  it('loads only the module of the command a line names', async () => {
    const { program } = await buildProgram(['node', 'handover', '--workspace', '/tmp/x', 'engagement', 'list'], quiet)
    expect(program.commands.map((c) => c.name())).toEqual(['engagement'])
    expect(program.commands[0].commands.map((c) => c.name())).toContain('list')
    const both = await buildProgram(['node', 'handover', 'help', 'countersign'], quiet)
    expect(both.program.commands.map((c) => c.name())).toEqual(['verify', 'countersign'])
  })

  it('finds the command word past the program options', () => {
    expect(commandWord(['--workspace', 'engagement', 'list'])).toBe('list')
    expect(commandWord(['--workspace=/w', 'engagement', 'list'])).toBe('engagement')
    expect(commandWord(['-v'])).toBeUndefined()
    expect(commandWord(['help', 'audit'])).toBe('audit')
    expect(commandWord(['help'])).toBe('help')
    expect(commandWord([])).toBeUndefined()
  })
})
