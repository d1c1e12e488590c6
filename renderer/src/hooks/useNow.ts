import { useEffect, useState } from 'react'

/** The time now (ms), updated every `everyMs` while `live` (elapsed times that count up). */
export function useNow(live: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!live) return
    setNow(Date.now())
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [live, everyMs])
  return now
}
