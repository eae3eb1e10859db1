/** Characters as the server counts them: Unicode code points, so an emoji counts as one. */
export function countChars(text: string): number {
  return [...text].length
}

export interface ClampedText {
  text: string
  /** Where the caret goes, in UTF-16 units as the DOM counts them. */
  caret: number
  clipped: boolean
}

/**
 * Keeps `text` within `max` characters. What is too much is taken from just before the caret (what was typed or
 * pasted last), then from the end, so the text before stays as it was. `caret` is in UTF-16 units.
 */
export function clampText(text: string, max: number, caret = text.length): ClampedText {
  const chars = [...text]
  const excess = chars.length - max
  if (excess <= 0)
    return { text, caret, clipped: false }
  const beforeCaret = countChars(text.slice(0, caret))
  const fromCaret = Math.min(excess, beforeCaret)
  const kept = [...chars.slice(0, beforeCaret - fromCaret), ...chars.slice(beforeCaret)].slice(0, max)
  const newCaret = beforeCaret - fromCaret
  return { text: kept.join(''), caret: kept.slice(0, newCaret).join('').length, clipped: true }
}
