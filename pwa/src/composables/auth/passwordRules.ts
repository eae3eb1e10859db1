/** The server's password rules the PWA can check while typing (it checks "too common" itself). */
export const passwordRules = [
  { key: 'length', holds: (password: string) => [...password].length >= 8 },
  { key: 'capital', holds: (password: string) => /\p{Lu}/u.test(password) },
  { key: 'digit', holds: (password: string) => /\p{Nd}/u.test(password) },
] as const

export type PasswordRuleKey = (typeof passwordRules)[number]['key']

export const maxPasswordLength = 128

export function passwordMeetsRules(password: string) {
  return passwordRules.every(rule => rule.holds(password)) && [...password].length <= maxPasswordLength
}
