/** A file chosen for a message, under a key that stays the same while it is in a list. */
export interface Attachment {
  key: string
  file: File
}

/** As many files as the server takes with one message (its `maxUploadFiles`). */
export const maxAttachments = 10

/** The same file chosen twice (by browsing and by dropping, say) has the same key. */
export function attachmentKey(file: File): string {
  return JSON.stringify([file.name, file.size, file.lastModified])
}

export interface AddedFiles {
  list: Attachment[]
  /** Already in the list, or twice among the new files. */
  duplicates: File[]
  /** Beyond `max`. */
  overLimit: File[]
  /** Larger than `maxBytes`. */
  tooLarge: File[]
}

/**
 * `files` appended to `list`, leaving out those already there, those larger than `maxBytes` (when known) and those
 * beyond `max` (counting `reserved` places as taken).
 */
export function addFiles(list: readonly Attachment[], files: Iterable<File>, { max = maxAttachments, maxBytes = Infinity, reserved = [] as readonly Attachment[] } = {}): AddedFiles {
  const result: AddedFiles = { list: [...list], duplicates: [], overLimit: [], tooLarge: [] }
  const taken = new Set([...reserved, ...list].map(attachment => attachment.key))
  for (const file of files) {
    const key = attachmentKey(file)
    if (taken.has(key))
      result.duplicates.push(file)
    else if (file.size > maxBytes)
      result.tooLarge.push(file)
    else if (reserved.length + result.list.length >= max)
      result.overLimit.push(file)
    else {
      taken.add(key)
      result.list.push({ key, file })
    }
  }
  return result
}

export function removeFile(list: readonly Attachment[], key: string): Attachment[] {
  return list.filter(attachment => attachment.key !== key)
}
