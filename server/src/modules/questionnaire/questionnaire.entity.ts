import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LongTextColumn, RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';
import { QuestionnairePage, QuestionnaireStatus } from './questionnaire.types.js';

const json = { to: (value: unknown) => JSON.stringify(value), from: (text: string | null) => (text == null ? text : JSON.parse(text)) };

@Entity('questionnaire_template')
@ObjectType({ simpleResolvers: true })
export class QuestionnaireTemplate extends Row {
  @Field(() => ID) declare id: string;
  @Field() @TextColumn(200) title: string;
  @Field(() => [QuestionnairePage]) @LongTextColumn({ transformer: json }) pages: QuestionnairePage[];
  @RefColumn() authorId: string;
}

@Entity('questionnaire_request')
@ObjectType({ simpleResolvers: true })
@Index(['assigneeHolderId', 'status'])
export class QuestionnaireRequest extends Row {
  @Field(() => ID) declare id: string;
  @Index() @RefColumn() dossierId: string;
  @RefColumn() templateId: string;
  @RefColumn() assigneeId: string;
  /** The assignee's access holder (a company's main account), so extra accounts share the action. */
  @RefColumn() assigneeHolderId: string;
  @RefColumn() sentById: string;
  /** A copy of the template at sending, so later edits of the template leave this request alone. */
  @Field() @TextColumn(200) title: string;
  @Field(() => [QuestionnairePage]) @LongTextColumn({ transformer: json }) pages: QuestionnairePage[];
  @Field(() => QuestionnaireStatus) @TextColumn(16) status: QuestionnaireStatus;
  @Field(() => Int, { description: 'The page to resume at (0-based).' }) @Column({ type: 'int', default: 0 }) currentPage: number;
  @Field(() => Date, { nullable: true }) @TimeColumn({ nullable: true }) completedAt: Date | null;
  @RefColumn({ nullable: true }) pdfDocumentId: string | null;
  @Field(() => Date) declare createdAt: Date;
}

@Entity('questionnaire_answer')
@Index(['requestId', 'questionId'], { unique: true })
export class QuestionnaireAnswer extends Row {
  @RefColumn() requestId: string;
  @TextColumn(50) questionId: string;
  @LongTextColumn({ transformer: json }) value: string[];
}
