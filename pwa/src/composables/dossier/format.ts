/** A date as the reader writes it: "3 mrt 2026" or "Mar 3, 2026". */
export function formatDate(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
}

/** A file size in B, kB or MB, with the reader's decimal sign. */
export function formatSize(locale: string, bytes: number) {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)
}

/** A date with the time: "3 mrt 2026 10:15" or "Mar 3, 2026, 10:15 AM". */
export function formatDateTime(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}
