import { registerEnumType } from 'type-graphql';

export enum Role { CLIENT = 'CLIENT', STAFF = 'STAFF', ADMIN = 'ADMIN' }
export enum AccountKind { PERSON = 'PERSON', COMPANY = 'COMPANY' }
export enum Gender { UNKNOWN = 'UNKNOWN', MALE = 'MALE', FEMALE = 'FEMALE', OTHER = 'OTHER' }
export enum Language { NL = 'NL', EN = 'EN' }

registerEnumType(Role, {
  name: 'Role',
  description: 'CLIENT: a customer of the office. STAFF: a handler at the office. ADMIN: staff who also manages staff and settings.',
});
registerEnumType(AccountKind, { name: 'AccountKind' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(Language, { name: 'Language' });

export const isStaff = (role: Role) => role === Role.STAFF || role === Role.ADMIN;
