import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, PrimaryColumn, type ColumnOptions } from 'typeorm';

/**
 * Column helpers that read the same on SQLite and MySQL/MariaDB, so the two
 * dialects' migrations describe one schema. UUIDs are varchar(36) rather than
 * MariaDB's native uuid type, which MySQL does not have.
 */
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const TextColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });
export const LongTextColumn = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });
export const FlagColumn = (fallback: boolean) => Column({ type: 'boolean', default: fallback });
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });

/**
 * Every table's row: an opaque UUID and a creation time, both set before insert
 * (in code rather than by a column default, whose syntax differs per dialect).
 */
export abstract class Row {
  @IdColumn()
  id: string;

  @TimeColumn()
  createdAt: Date;

  @BeforeInsert()
  protected assignIdentity() {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
