import { registerEnumType } from 'type-graphql';

export enum DossierStatus { IN_PROGRESS = 'IN_PROGRESS', ON_HOLD = 'ON_HOLD', COMPLETED = 'COMPLETED', CANCELLED = 'CANCELLED' }
registerEnumType(DossierStatus, { name: 'DossierStatus', description: "IN_PROGRESS is 'in behandeling'; the home tile counts those." });
