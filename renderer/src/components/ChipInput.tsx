import { useState } from 'react'

export interface ChipInputProps {
  id: string
  placeholder: string
  aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }
  /** Typed text to turn into chips (one or several, comma separated). */
  onAdd(text: string): void
  /** Backspace in the empty input: remove the last chip. */
  onRemoveLast(): void
}

/** The text box of a chip list: Enter, a comma or leaving the box adds what was typed. */
export function ChipInput({ id, placeholder, aria, onAdd, onRemoveLast }: ChipInputProps) {
  const [text, setText] = useState('')
  const commit = () => {
    if (!text.trim()) return
    onAdd(text)
    setText('')
  }
  return (
    <input
      id={id}
      {...aria}
      className="input mono"
      value={text}
      placeholder={placeholder}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ',') {
          e.preventDefault()
          commit()
        } else if (e.key === 'Backspace' && !text) {
          onRemoveLast()
        }
      }}
    />
  )
}
