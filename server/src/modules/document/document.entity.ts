import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { RefColumn, Row, TextColumn } from '../../db/columns.js';
import type { StoredFile } from '../../storage/storage.js';
import { DocumentCategory } from './document.types.js';

/** The columns a document takes from the file in storage. */
export const storedFileColumns = (file: StoredFile, fileName: string) => ({ fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, storageKey: file.key });

@Entity('document')
@ObjectType({ simpleResolvers: true })
// A tab's documents in order; with messageId and authorId, what the tabs show (SHOWN_IN_TAB), less what a reader
// wrote, is counted from the index alone.
@Index(['dossierId', 'category', 'createdAt', 'messageId', 'authorId'])
// Covers what a reader wrote that the tabs show (unread totals: what waits, less what the reader wrote or read).
@Index(['authorId', 'category', 'messageId'])
export class Document extends Row {
  @Field(() => ID) declare id: string;
  @RefColumn() dossierId: string;
  @Field() @TextColumn(200) title: string;
  @Field(() => DocumentCategory) @TextColumn(16) category: DocumentCategory;
  @Field() @TextColumn(255) fileName: string;
  @Field() @TextColumn(127) mimeType: string;
  @Field(() => Int) @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) size: number;
  @Field({ description: 'Hex SHA-256 of the stored bytes.' }) @TextColumn(64) sha256: string;
  /** Where the bytes are in the file storage; never exposed. */
  @TextColumn(64) storageKey: string;
  @RefColumn({ nullable: true }) authorId: string | null;
  /** Set for a message attachment; the office's attachments show with their message, not in a tab. */
  @Index() @RefColumn({ nullable: true }) messageId: string | null;
  @Field(() => Date) declare createdAt: Date;
}

/** That one user has read (downloaded or opened) one document. */
@Entity('document_read')
@Index(['userId', 'documentId'], { unique: true })
export class DocumentRead extends Row {
  @Index() @RefColumn() documentId: string;
  @RefColumn() userId: string;
}
