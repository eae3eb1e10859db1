import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { Access } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { UploadScalar, type FileUpload } from '../../graphql/scalars.js';
import { User } from '../user/user.entity.js';
import { Document } from './document.entity.js';
import { DocumentCategory } from './document.types.js';

@InputType()
export class PublishDocumentInput {
  @Field(() => ID) dossierId: string;
  @Field(() => DocumentCategory, { description: "CORRESPONDENCE or DOCUMENT; PROVIDED comes only from clients' messages and questionnaires." }) category: DocumentCategory;
  @Field() title: string;
  @Field(() => UploadScalar) file: Promise<FileUpload>;
}

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer has read (downloaded or opened) it.' })
  read(@Root() document: Document, @Ctx() { services, viewer, loaders }: Context) {
    return services.documents.isRead(viewer!, loaders, document);
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() document: Document, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, document.authorId);
  }

  @FieldResolver(() => String, { description: "GET with the viewer's session cookie or bearer token returns the bytes and marks it read." })
  downloadUrl(@Root() document: Document, @Ctx() { services }: Context) {
    return services.documents.downloadUrl(document);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Document)
  publishDocument(@Arg('input') input: PublishDocumentInput, @Ctx() { services, viewer, ip }: Context) {
    return services.documents.publish(viewer!, input, ip);
  }

  @Authorized()
  @Mutation(() => Document)
  markDocumentRead(@Arg('id', () => ID) id: string, @Ctx() { services, viewer, ip }: Context) {
    return services.documents.markRead(viewer!, id, ip);
  }
}
