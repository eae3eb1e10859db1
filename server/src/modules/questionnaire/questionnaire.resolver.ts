import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { ErrorCode, callerOf, logRefusal, notFound } from '../../graphql/errors.js';
import { Document } from '../document/document.entity.js';
import { Dossier } from '../dossier/dossier.entity.js';
import { User } from '../user/user.entity.js';
import { QuestionnaireRequest, QuestionnaireTemplate } from './questionnaire.entity.js';
import { Answer, AnswerInput, QuestionnaireTemplateInput } from './questionnaire.types.js';

@Resolver(() => Dossier)
export class DossierQuestionnairesResolver {
  @FieldResolver(() => [QuestionnaireRequest])
  questionnaires(@Root() dossier: Dossier, @Ctx() { services, viewer }: Context) {
    return services.questionnaires.forDossier(viewer!, dossier.id);
  }
}

@Resolver(() => QuestionnaireRequest)
export class QuestionnaireResolver {
  @FieldResolver(() => Dossier)
  async dossier(@Root() request: QuestionnaireRequest, @Ctx() { services, viewer }: Context) {
    return (await services.dossiers.find(viewer!, request.dossierId)) ?? Promise.reject(notFound('Dossier'));
  }

  @FieldResolver(() => User)
  assignee(@Root() request: QuestionnaireRequest, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, request.assigneeId);
  }

  @FieldResolver(() => [Answer])
  answers(@Root() request: QuestionnaireRequest, @Ctx() { services }: Context) {
    return services.questionnaires.answers(request);
  }

  @FieldResolver(() => Document, { nullable: true, description: "The completed questionnaire as a PDF, also listed under the dossier's PROVIDED documents." })
  pdf(@Root() request: QuestionnaireRequest, @Ctx() { services, viewer }: Context) {
    return services.questionnaires.pdf(viewer!, request);
  }

  @Authorized()
  @Query(() => [QuestionnaireRequest], { description: 'Open questionnaires assigned to the viewer.' })
  actions(@Ctx() { services, viewer }: Context) {
    return services.questionnaires.actions(viewer!);
  }

  @Authorized()
  @Query(() => QuestionnaireRequest, { nullable: true })
  async questionnaire(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const found = await ctx.services.questionnaires.find(ctx.viewer!, id);
    if (!found) logRefusal(ErrorCode.NOT_FOUND, ['questionnaire'], callerOf(ctx));
    return found;
  }

  @Authorized()
  @Mutation(() => QuestionnaireRequest, { description: "The answers of one page ('volgende'): stored at once, so the client may stop and resume later." })
  saveQuestionnairePage(
    @Arg('id', () => ID) id: string,
    @Arg('page', () => Int) page: number,
    @Arg('answers', () => [AnswerInput]) answers: AnswerInput[],
    @Ctx() { services, viewer, ip }: Context,
  ) {
    return services.questionnaires.savePage(viewer!, id, page, answers, ip);
  }

  @Authorized()
  @Mutation(() => QuestionnaireRequest, { description: 'Checks required answers, stores the PDF under PROVIDED, and closes the action.' })
  completeQuestionnaire(@Arg('id', () => ID) id: string, @Ctx() { services, viewer, ip }: Context) {
    return services.questionnaires.complete(viewer!, id, ip);
  }

  @Authorized(Access.STAFF)
  @Query(() => [QuestionnaireTemplate])
  questionnaireTemplates(@Ctx() { services }: Context) {
    return services.questionnaires.templates();
  }

  @Authorized(Access.STAFF)
  @Mutation(() => QuestionnaireTemplate)
  createQuestionnaireTemplate(@Arg('input') input: QuestionnaireTemplateInput, @Ctx() { services, viewer }: Context) {
    return services.questionnaires.createTemplate(viewer!, input);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => QuestionnaireRequest)
  sendQuestionnaire(
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('templateId', () => ID) templateId: string,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Ctx() { services, viewer, ip }: Context,
  ) {
    return services.questionnaires.send(viewer!, dossierId, templateId, assigneeId, ip);
  }
}
