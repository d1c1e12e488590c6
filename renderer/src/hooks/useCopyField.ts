import { useRef, useState } from 'react'

/**
 * Copy a read-only field's value to the clipboard; where the clipboard is refused, leave the
 * field selected for Ctrl+C / Cmd+C. `said` is what to announce (a status line beside it).
 */
export function useCopyField<T extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(value: string) {
  const field = useRef<T>(null)
  const [said, setSaid] = useState('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setSaid('Copied')
    } catch {
      field.current?.select()
      setSaid('Selected: press Ctrl+C to copy')
    }
  }
  return { field, said, copy }
}
