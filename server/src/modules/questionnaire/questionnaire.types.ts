import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum QuestionnaireStatus { OPEN = 'OPEN', IN_PROGRESS = 'IN_PROGRESS', COMPLETED = 'COMPLETED' }
registerEnumType(QuestionnaireStatus, { name: 'QuestionnaireStatus' });

export enum QuestionKind {
  TEXT = 'TEXT',
  TEXTAREA = 'TEXTAREA',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  YES_NO = 'YES_NO',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTI_CHOICE = 'MULTI_CHOICE',
}
registerEnumType(QuestionKind, { name: 'QuestionKind' });

export const CHOICE_KINDS = new Set([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTI_CHOICE]);

@ObjectType({ simpleResolvers: true })
export class Question {
  @Field() id: string;
  @Field() label: string;
  @Field(() => QuestionKind) kind: QuestionKind;
  @Field() required: boolean;
  @Field(() => [String]) options: string[];
}

@ObjectType({ simpleResolvers: true })
export class QuestionnairePage {
  @Field() title: string;
  @Field(() => [Question]) questions: Question[];
}

@ObjectType({ simpleResolvers: true, description: "An answer's value is a list: one element for most kinds, several for MULTI_CHOICE, none when left empty." })
export class Answer {
  @Field() questionId: string;
  @Field(() => [String]) value: string[];
}

@InputType()
export class AnswerInput {
  @Field() questionId: string;
  @Field(() => [String]) value: string[];
}

@InputType()
export class QuestionInput {
  @Field() id: string;
  @Field() label: string;
  @Field(() => QuestionKind) kind: QuestionKind;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
}

@InputType()
export class QuestionnairePageInput {
  @Field() title: string;
  @Field(() => [QuestionInput]) questions: QuestionInput[];
}

@InputType()
export class QuestionnaireTemplateInput {
  @Field() title: string;
  @Field(() => [QuestionnairePageInput]) pages: QuestionnairePageInput[];
}


