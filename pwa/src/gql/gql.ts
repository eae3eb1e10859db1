/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SetAbsence($input: AbsenceInput!) {\n    setAbsence(input: $input) {\n      id\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n": typeof types.SetAbsenceDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      id\n      language\n    }\n  }\n": typeof types.SetLanguageDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      id\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation RemoveSecondFactor($method: SecondFactorMethod!) {\n    removeSecondFactor(method: $method) {\n      id\n      maskedPhone\n      secondFactors\n    }\n  }\n": typeof types.RemoveSecondFactorDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      user {\n        id\n        secondFactors\n      }\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartSmsEnrollment($phone: String!) {\n    startSmsEnrollment(phone: $phone)\n  }\n": typeof types.StartSmsEnrollmentDocument,
    "\n  mutation ConfirmSmsEnrollment($code: String!) {\n    confirmSmsEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n": typeof types.ConfirmSmsEnrollmentDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": typeof types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation AddExtraAccount($input: ExtraAccountInput!) {\n    addExtraAccount(input: $input) {\n      id\n    }\n  }\n": typeof types.AddExtraAccountDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      language\n      isMainAccount\n      companyName\n      maskedPhone\n      secondFactors\n      profile {\n        gender\n        initials\n        firstName\n        infix\n        lastName\n        displayName\n      }\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Dossier($id: ID!) {\n    dossier(id: $id) {\n      id\n      number\n      description\n      status\n      updatedAt\n      handler {\n        id\n        profile {\n          displayName\n        }\n      }\n      progress {\n        done\n        total\n        steps {\n          id\n          title\n          position\n          done\n          doneAt\n        }\n      }\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n": typeof types.DossierDocument,
    "\n  query DossierDocuments($dossierId: ID!, $category: DocumentCategory!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      documents(category: $category, first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            fileName\n            mimeType\n            size\n            createdAt\n            read\n            downloadUrl\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DossierDocumentsDocument,
    "\n  query Dossiers($search: String, $statuses: [DossierStatus!], $first: Int, $after: String) {\n    dossiers(search: $search, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          description\n          status\n          updatedAt\n          progress {\n            done\n            total\n          }\n          counts {\n            correspondence { total unread }\n            documents { total unread }\n            provided { total unread }\n            messages { total unread }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DossiersDocument,
    "\n  query DossierStatusCounts {\n    inProgress: dossiers(statuses: [IN_PROGRESS], first: 1) { totalCount }\n    onHold: dossiers(statuses: [ON_HOLD], first: 1) { totalCount }\n    completed: dossiers(statuses: [COMPLETED], first: 1) { totalCount }\n    cancelled: dossiers(statuses: [CANCELLED], first: 1) { totalCount }\n  }\n": typeof types.DossierStatusCountsDocument,
    "\n  query Home {\n    home {\n      dossiersInProgress\n      dossiersTotal\n      openActions\n      unreadTotal\n      singleDossierId\n    }\n  }\n": typeof types.HomeDocument,
    "\n  subscription UnreadCountsChanged {\n    unreadCountsChanged {\n      dossierId\n      openActions\n      unreadTotal\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n": typeof types.UnreadCountsChangedDocument,
    "\n  query DossierMessages($dossierId: ID!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      messages(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            subject\n            body\n            automatic\n            createdAt\n            direction\n            read\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n            attachments {\n              id\n              title\n              fileName\n              size\n              downloadUrl\n            }\n            replyTo {\n              id\n              subject\n              body\n              createdAt\n              author {\n                id\n                profile {\n                  displayName\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DossierMessagesDocument,
    "\n  mutation MarkMessageRead($id: ID!) {\n    markMessageRead(id: $id) {\n      id\n      read\n    }\n  }\n": typeof types.MarkMessageReadDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      subject\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  query UploadLimit {\n    portal {\n      maxUploadMb\n    }\n  }\n": typeof types.UploadLimitDocument,
    "\n  mutation SendQueuedMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n": typeof types.SendQueuedMessageDocument,
    "\n  query ViewerId {\n    me {\n      id\n    }\n  }\n": typeof types.ViewerIdDocument,
    "\n  query Portal {\n    portal {\n      name\n    }\n  }\n": typeof types.PortalDocument,
    "\n  query Actions {\n    actions {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n    }\n  }\n": typeof types.ActionsDocument,
    "\n  query Questionnaire($id: ID!) {\n    questionnaire(id: $id) {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      completedAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n": typeof types.QuestionnaireDocument,
    "\n  query DossierQuestionnaires($id: ID!) {\n    dossier(id: $id) {\n      id\n      questionnaires {\n        id\n        title\n        status\n        currentPage\n        createdAt\n        completedAt\n        pages { title questions { id label kind required options } }\n        answers { questionId value }\n      }\n    }\n  }\n": typeof types.DossierQuestionnairesDocument,
    "\n  mutation SaveQuestionnairePage($id: ID!, $page: Int!, $answers: [AnswerInput!]!) {\n    saveQuestionnairePage(id: $id, page: $page, answers: $answers) {\n      id\n      status\n      currentPage\n      answers { questionId value }\n    }\n  }\n": typeof types.SaveQuestionnairePageDocument,
    "\n  mutation CompleteQuestionnaire($id: ID!) {\n    completeQuestionnaire(id: $id) {\n      id\n      status\n      currentPage\n      completedAt\n      answers { questionId value }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n": typeof types.CompleteQuestionnaireDocument,
    "\n  query SignInStep {\n    signInStep\n    me {\n      id\n      language\n    }\n  }\n": typeof types.SignInStepDocument,
    "\n  query ExtraAccounts {\n    extraAccounts {\n      id\n      email\n      createdAt\n      profile {\n        displayName\n      }\n    }\n  }\n": typeof types.ExtraAccountsDocument,
    "\n  mutation RemoveExtraAccount($userId: ID!) {\n    removeExtraAccount(userId: $userId)\n  }\n": typeof types.RemoveExtraAccountDocument,
    "\n  mutation RequestPasswordLink($email: String!) {\n    requestPasswordLink(email: $email)\n  }\n": typeof types.RequestPasswordLinkDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      step\n      methods\n      user {\n        id\n        profile {\n          gender\n          initials\n          firstName\n          infix\n          lastName\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation SendSignInSmsCode {\n    sendSignInSmsCode\n  }\n": typeof types.SendSignInSmsCodeDocument,
    "\n  mutation VerifySecondFactor($method: SecondFactorMethod!, $code: String!) {\n    verifySecondFactor(method: $method, code: $code) {\n      step\n      methods\n    }\n  }\n": typeof types.VerifySecondFactorDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      step\n      methods\n    }\n  }\n": typeof types.SetPasswordDocument,
    "\n  query RequireSecondFactor {\n    portal {\n      requireSecondFactor\n    }\n  }\n": typeof types.RequireSecondFactorDocument,
    "\n  mutation SkipSecondFactorSetUp {\n    skipSecondFactorSetUp {\n      step\n      methods\n    }\n  }\n": typeof types.SkipSecondFactorSetUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      step\n      methods\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Terms {\n    portal {\n      termsVersion\n      termsText\n    }\n  }\n": typeof types.TermsDocument,
    "\n  mutation AcceptTerms($version: String!) {\n    acceptTerms(version: $version) {\n      step\n      methods\n    }\n  }\n": typeof types.AcceptTermsDocument,
};
const documents: Documents = {
    "\n  mutation SetAbsence($input: AbsenceInput!) {\n    setAbsence(input: $input) {\n      id\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n": types.SetAbsenceDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      id\n      language\n    }\n  }\n": types.SetLanguageDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      id\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation RemoveSecondFactor($method: SecondFactorMethod!) {\n    removeSecondFactor(method: $method) {\n      id\n      maskedPhone\n      secondFactors\n    }\n  }\n": types.RemoveSecondFactorDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      user {\n        id\n        secondFactors\n      }\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartSmsEnrollment($phone: String!) {\n    startSmsEnrollment(phone: $phone)\n  }\n": types.StartSmsEnrollmentDocument,
    "\n  mutation ConfirmSmsEnrollment($code: String!) {\n    confirmSmsEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n": types.ConfirmSmsEnrollmentDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation AddExtraAccount($input: ExtraAccountInput!) {\n    addExtraAccount(input: $input) {\n      id\n    }\n  }\n": types.AddExtraAccountDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      language\n      isMainAccount\n      companyName\n      maskedPhone\n      secondFactors\n      profile {\n        gender\n        initials\n        firstName\n        infix\n        lastName\n        displayName\n      }\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Dossier($id: ID!) {\n    dossier(id: $id) {\n      id\n      number\n      description\n      status\n      updatedAt\n      handler {\n        id\n        profile {\n          displayName\n        }\n      }\n      progress {\n        done\n        total\n        steps {\n          id\n          title\n          position\n          done\n          doneAt\n        }\n      }\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n": types.DossierDocument,
    "\n  query DossierDocuments($dossierId: ID!, $category: DocumentCategory!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      documents(category: $category, first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            fileName\n            mimeType\n            size\n            createdAt\n            read\n            downloadUrl\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DossierDocumentsDocument,
    "\n  query Dossiers($search: String, $statuses: [DossierStatus!], $first: Int, $after: String) {\n    dossiers(search: $search, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          description\n          status\n          updatedAt\n          progress {\n            done\n            total\n          }\n          counts {\n            correspondence { total unread }\n            documents { total unread }\n            provided { total unread }\n            messages { total unread }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DossiersDocument,
    "\n  query DossierStatusCounts {\n    inProgress: dossiers(statuses: [IN_PROGRESS], first: 1) { totalCount }\n    onHold: dossiers(statuses: [ON_HOLD], first: 1) { totalCount }\n    completed: dossiers(statuses: [COMPLETED], first: 1) { totalCount }\n    cancelled: dossiers(statuses: [CANCELLED], first: 1) { totalCount }\n  }\n": types.DossierStatusCountsDocument,
    "\n  query Home {\n    home {\n      dossiersInProgress\n      dossiersTotal\n      openActions\n      unreadTotal\n      singleDossierId\n    }\n  }\n": types.HomeDocument,
    "\n  subscription UnreadCountsChanged {\n    unreadCountsChanged {\n      dossierId\n      openActions\n      unreadTotal\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n": types.UnreadCountsChangedDocument,
    "\n  query DossierMessages($dossierId: ID!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      messages(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            subject\n            body\n            automatic\n            createdAt\n            direction\n            read\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n            attachments {\n              id\n              title\n              fileName\n              size\n              downloadUrl\n            }\n            replyTo {\n              id\n              subject\n              body\n              createdAt\n              author {\n                id\n                profile {\n                  displayName\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DossierMessagesDocument,
    "\n  mutation MarkMessageRead($id: ID!) {\n    markMessageRead(id: $id) {\n      id\n      read\n    }\n  }\n": types.MarkMessageReadDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      subject\n    }\n  }\n": types.SendMessageDocument,
    "\n  query UploadLimit {\n    portal {\n      maxUploadMb\n    }\n  }\n": types.UploadLimitDocument,
    "\n  mutation SendQueuedMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n": types.SendQueuedMessageDocument,
    "\n  query ViewerId {\n    me {\n      id\n    }\n  }\n": types.ViewerIdDocument,
    "\n  query Portal {\n    portal {\n      name\n    }\n  }\n": types.PortalDocument,
    "\n  query Actions {\n    actions {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n    }\n  }\n": types.ActionsDocument,
    "\n  query Questionnaire($id: ID!) {\n    questionnaire(id: $id) {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      completedAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n": types.QuestionnaireDocument,
    "\n  query DossierQuestionnaires($id: ID!) {\n    dossier(id: $id) {\n      id\n      questionnaires {\n        id\n        title\n        status\n        currentPage\n        createdAt\n        completedAt\n        pages { title questions { id label kind required options } }\n        answers { questionId value }\n      }\n    }\n  }\n": types.DossierQuestionnairesDocument,
    "\n  mutation SaveQuestionnairePage($id: ID!, $page: Int!, $answers: [AnswerInput!]!) {\n    saveQuestionnairePage(id: $id, page: $page, answers: $answers) {\n      id\n      status\n      currentPage\n      answers { questionId value }\n    }\n  }\n": types.SaveQuestionnairePageDocument,
    "\n  mutation CompleteQuestionnaire($id: ID!) {\n    completeQuestionnaire(id: $id) {\n      id\n      status\n      currentPage\n      completedAt\n      answers { questionId value }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n": types.CompleteQuestionnaireDocument,
    "\n  query SignInStep {\n    signInStep\n    me {\n      id\n      language\n    }\n  }\n": types.SignInStepDocument,
    "\n  query ExtraAccounts {\n    extraAccounts {\n      id\n      email\n      createdAt\n      profile {\n        displayName\n      }\n    }\n  }\n": types.ExtraAccountsDocument,
    "\n  mutation RemoveExtraAccount($userId: ID!) {\n    removeExtraAccount(userId: $userId)\n  }\n": types.RemoveExtraAccountDocument,
    "\n  mutation RequestPasswordLink($email: String!) {\n    requestPasswordLink(email: $email)\n  }\n": types.RequestPasswordLinkDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      step\n      methods\n      user {\n        id\n        profile {\n          gender\n          initials\n          firstName\n          infix\n          lastName\n          displayName\n        }\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation SendSignInSmsCode {\n    sendSignInSmsCode\n  }\n": types.SendSignInSmsCodeDocument,
    "\n  mutation VerifySecondFactor($method: SecondFactorMethod!, $code: String!) {\n    verifySecondFactor(method: $method, code: $code) {\n      step\n      methods\n    }\n  }\n": types.VerifySecondFactorDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      step\n      methods\n    }\n  }\n": types.SetPasswordDocument,
    "\n  query RequireSecondFactor {\n    portal {\n      requireSecondFactor\n    }\n  }\n": types.RequireSecondFactorDocument,
    "\n  mutation SkipSecondFactorSetUp {\n    skipSecondFactorSetUp {\n      step\n      methods\n    }\n  }\n": types.SkipSecondFactorSetUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      step\n      methods\n    }\n  }\n": types.SignInDocument,
    "\n  query Terms {\n    portal {\n      termsVersion\n      termsText\n    }\n  }\n": types.TermsDocument,
    "\n  mutation AcceptTerms($version: String!) {\n    acceptTerms(version: $version) {\n      step\n      methods\n    }\n  }\n": types.AcceptTermsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAbsence($input: AbsenceInput!) {\n    setAbsence(input: $input) {\n      id\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAbsence($input: AbsenceInput!) {\n    setAbsence(input: $input) {\n      id\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      id\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      id\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      id\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      id\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSecondFactor($method: SecondFactorMethod!) {\n    removeSecondFactor(method: $method) {\n      id\n      maskedPhone\n      secondFactors\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveSecondFactor($method: SecondFactorMethod!) {\n    removeSecondFactor(method: $method) {\n      id\n      maskedPhone\n      secondFactors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      user {\n        id\n        secondFactors\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      user {\n        id\n        secondFactors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSmsEnrollment($phone: String!) {\n    startSmsEnrollment(phone: $phone)\n  }\n"): (typeof documents)["\n  mutation StartSmsEnrollment($phone: String!) {\n    startSmsEnrollment(phone: $phone)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSmsEnrollment($code: String!) {\n    confirmSmsEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSmsEnrollment($code: String!) {\n    confirmSmsEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      step\n      recoveryCodes\n      user {\n        id\n        maskedPhone\n        secondFactors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddExtraAccount($input: ExtraAccountInput!) {\n    addExtraAccount(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddExtraAccount($input: ExtraAccountInput!) {\n    addExtraAccount(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      role\n      language\n      isMainAccount\n      companyName\n      maskedPhone\n      secondFactors\n      profile {\n        gender\n        initials\n        firstName\n        infix\n        lastName\n        displayName\n      }\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      role\n      language\n      isMainAccount\n      companyName\n      maskedPhone\n      secondFactors\n      profile {\n        gender\n        initials\n        firstName\n        infix\n        lastName\n        displayName\n      }\n      notificationPreferences {\n        newDocuments\n        newQuestionnaires\n        newMessages\n      }\n      absence {\n        enabled\n        message\n        until\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dossier($id: ID!) {\n    dossier(id: $id) {\n      id\n      number\n      description\n      status\n      updatedAt\n      handler {\n        id\n        profile {\n          displayName\n        }\n      }\n      progress {\n        done\n        total\n        steps {\n          id\n          title\n          position\n          done\n          doneAt\n        }\n      }\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dossier($id: ID!) {\n    dossier(id: $id) {\n      id\n      number\n      description\n      status\n      updatedAt\n      handler {\n        id\n        profile {\n          displayName\n        }\n      }\n      progress {\n        done\n        total\n        steps {\n          id\n          title\n          position\n          done\n          doneAt\n        }\n      }\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierDocuments($dossierId: ID!, $category: DocumentCategory!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      documents(category: $category, first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            fileName\n            mimeType\n            size\n            createdAt\n            read\n            downloadUrl\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DossierDocuments($dossierId: ID!, $category: DocumentCategory!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      documents(category: $category, first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            fileName\n            mimeType\n            size\n            createdAt\n            read\n            downloadUrl\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dossiers($search: String, $statuses: [DossierStatus!], $first: Int, $after: String) {\n    dossiers(search: $search, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          description\n          status\n          updatedAt\n          progress {\n            done\n            total\n          }\n          counts {\n            correspondence { total unread }\n            documents { total unread }\n            provided { total unread }\n            messages { total unread }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dossiers($search: String, $statuses: [DossierStatus!], $first: Int, $after: String) {\n    dossiers(search: $search, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          description\n          status\n          updatedAt\n          progress {\n            done\n            total\n          }\n          counts {\n            correspondence { total unread }\n            documents { total unread }\n            provided { total unread }\n            messages { total unread }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierStatusCounts {\n    inProgress: dossiers(statuses: [IN_PROGRESS], first: 1) { totalCount }\n    onHold: dossiers(statuses: [ON_HOLD], first: 1) { totalCount }\n    completed: dossiers(statuses: [COMPLETED], first: 1) { totalCount }\n    cancelled: dossiers(statuses: [CANCELLED], first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query DossierStatusCounts {\n    inProgress: dossiers(statuses: [IN_PROGRESS], first: 1) { totalCount }\n    onHold: dossiers(statuses: [ON_HOLD], first: 1) { totalCount }\n    completed: dossiers(statuses: [COMPLETED], first: 1) { totalCount }\n    cancelled: dossiers(statuses: [CANCELLED], first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    home {\n      dossiersInProgress\n      dossiersTotal\n      openActions\n      unreadTotal\n      singleDossierId\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    home {\n      dossiersInProgress\n      dossiersTotal\n      openActions\n      unreadTotal\n      singleDossierId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UnreadCountsChanged {\n    unreadCountsChanged {\n      dossierId\n      openActions\n      unreadTotal\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription UnreadCountsChanged {\n    unreadCountsChanged {\n      dossierId\n      openActions\n      unreadTotal\n      counts {\n        correspondence { total unread }\n        documents { total unread }\n        provided { total unread }\n        messages { total unread }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierMessages($dossierId: ID!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      messages(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            subject\n            body\n            automatic\n            createdAt\n            direction\n            read\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n            attachments {\n              id\n              title\n              fileName\n              size\n              downloadUrl\n            }\n            replyTo {\n              id\n              subject\n              body\n              createdAt\n              author {\n                id\n                profile {\n                  displayName\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DossierMessages($dossierId: ID!, $first: Int, $after: String) {\n    dossier(id: $dossierId) {\n      id\n      messages(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            subject\n            body\n            automatic\n            createdAt\n            direction\n            read\n            author {\n              id\n              profile {\n                displayName\n              }\n            }\n            attachments {\n              id\n              title\n              fileName\n              size\n              downloadUrl\n            }\n            replyTo {\n              id\n              subject\n              body\n              createdAt\n              author {\n                id\n                profile {\n                  displayName\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkMessageRead($id: ID!) {\n    markMessageRead(id: $id) {\n      id\n      read\n    }\n  }\n"): (typeof documents)["\n  mutation MarkMessageRead($id: ID!) {\n    markMessageRead(id: $id) {\n      id\n      read\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      subject\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadLimit {\n    portal {\n      maxUploadMb\n    }\n  }\n"): (typeof documents)["\n  query UploadLimit {\n    portal {\n      maxUploadMb\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendQueuedMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SendQueuedMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerId {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ViewerId {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portal {\n    portal {\n      name\n    }\n  }\n"): (typeof documents)["\n  query Portal {\n    portal {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actions {\n    actions {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n    }\n  }\n"): (typeof documents)["\n  query Actions {\n    actions {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Questionnaire($id: ID!) {\n    questionnaire(id: $id) {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      completedAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n"): (typeof documents)["\n  query Questionnaire($id: ID!) {\n    questionnaire(id: $id) {\n      id\n      title\n      status\n      currentPage\n      createdAt\n      completedAt\n      pages { title questions { id label kind required options } }\n      answers { questionId value }\n      dossier { id number description }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierQuestionnaires($id: ID!) {\n    dossier(id: $id) {\n      id\n      questionnaires {\n        id\n        title\n        status\n        currentPage\n        createdAt\n        completedAt\n        pages { title questions { id label kind required options } }\n        answers { questionId value }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DossierQuestionnaires($id: ID!) {\n    dossier(id: $id) {\n      id\n      questionnaires {\n        id\n        title\n        status\n        currentPage\n        createdAt\n        completedAt\n        pages { title questions { id label kind required options } }\n        answers { questionId value }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveQuestionnairePage($id: ID!, $page: Int!, $answers: [AnswerInput!]!) {\n    saveQuestionnairePage(id: $id, page: $page, answers: $answers) {\n      id\n      status\n      currentPage\n      answers { questionId value }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveQuestionnairePage($id: ID!, $page: Int!, $answers: [AnswerInput!]!) {\n    saveQuestionnairePage(id: $id, page: $page, answers: $answers) {\n      id\n      status\n      currentPage\n      answers { questionId value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteQuestionnaire($id: ID!) {\n    completeQuestionnaire(id: $id) {\n      id\n      status\n      currentPage\n      completedAt\n      answers { questionId value }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteQuestionnaire($id: ID!) {\n    completeQuestionnaire(id: $id) {\n      id\n      status\n      currentPage\n      completedAt\n      answers { questionId value }\n      pdf { id title fileName downloadUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInStep {\n    signInStep\n    me {\n      id\n      language\n    }\n  }\n"): (typeof documents)["\n  query SignInStep {\n    signInStep\n    me {\n      id\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtraAccounts {\n    extraAccounts {\n      id\n      email\n      createdAt\n      profile {\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExtraAccounts {\n    extraAccounts {\n      id\n      email\n      createdAt\n      profile {\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveExtraAccount($userId: ID!) {\n    removeExtraAccount(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveExtraAccount($userId: ID!) {\n    removeExtraAccount(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordLink($email: String!) {\n    requestPasswordLink(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordLink($email: String!) {\n    requestPasswordLink(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      step\n      methods\n      user {\n        id\n        profile {\n          gender\n          initials\n          firstName\n          infix\n          lastName\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      step\n      methods\n      user {\n        id\n        profile {\n          gender\n          initials\n          firstName\n          infix\n          lastName\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSignInSmsCode {\n    sendSignInSmsCode\n  }\n"): (typeof documents)["\n  mutation SendSignInSmsCode {\n    sendSignInSmsCode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySecondFactor($method: SecondFactorMethod!, $code: String!) {\n    verifySecondFactor(method: $method, code: $code) {\n      step\n      methods\n    }\n  }\n"): (typeof documents)["\n  mutation VerifySecondFactor($method: SecondFactorMethod!, $code: String!) {\n    verifySecondFactor(method: $method, code: $code) {\n      step\n      methods\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      step\n      methods\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      step\n      methods\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequireSecondFactor {\n    portal {\n      requireSecondFactor\n    }\n  }\n"): (typeof documents)["\n  query RequireSecondFactor {\n    portal {\n      requireSecondFactor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SkipSecondFactorSetUp {\n    skipSecondFactorSetUp {\n      step\n      methods\n    }\n  }\n"): (typeof documents)["\n  mutation SkipSecondFactorSetUp {\n    skipSecondFactorSetUp {\n      step\n      methods\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      step\n      methods\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      step\n      methods\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Terms {\n    portal {\n      termsVersion\n      termsText\n    }\n  }\n"): (typeof documents)["\n  query Terms {\n    portal {\n      termsVersion\n      termsText\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTerms($version: String!) {\n    acceptTerms(version: $version) {\n      step\n      methods\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptTerms($version: String!) {\n    acceptTerms(version: $version) {\n      step\n      methods\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;