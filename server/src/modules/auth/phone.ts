import { badInput } from '../../graphql/errors.js';

/** E.164 from what a person types; Dutch mobile numbers (06…, 0031 6…) become +316…. */
export function normalisePhone(input: string): string {
  const compact = input.replace(/[\s().-]/g, '');
  let phone = compact;
  if (/^06\d{8}$/.test(compact)) phone = `+31${compact.slice(1)}`;
  else if (compact.startsWith('00')) phone = `+${compact.slice(2)}`;
  if (!/^\+[1-9]\d{7,14}$/.test(phone)) throw badInput('phone', 'Enter a mobile number such as 06 12345678 or +31 6 12345678');
  return phone;
}
