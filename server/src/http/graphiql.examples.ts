import { randomUUID } from 'node:crypto';

/** Ids from the portal's own data, so the examples run as they are; null where there is none yet. */
export interface ExampleIds {
  dossierId: string | null;
  clientId: string | null;
  templateId: string | null;
}

export interface ExampleWindow {
  initialName: string;
  initialQuery: string;
  initialVariables: string;
}

const FROM_START = 'an id from tab 1 (Start here)';
const variables = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

/** One IDE tab per daily staff task, each with variables ready to run. */
export function exampleWindows(ids: ExampleIds): ExampleWindow[] {
  const dossierId = ids.dossierId ?? FROM_START;
  const clientId = ids.clientId ?? FROM_START;
  return [
    {
      initialName: '1. Start here',
      initialQuery: `# Kluis GraphQL IDE. Requests go to /graphql with your staff session.
# With an API token instead: Headers > Authorization: Bearer kluis_...
# For subscriptions with a token: Subscription URL settings > connection
# parameters {"authorization": "Bearer kluis_..."}.
#
# This query lists the ids the other tabs use (they are already filled in
# with the first dossier in progress, one of its clients and a template).
query StartHere {
  me { id email role }
  dossiers(first: 10, statuses: [IN_PROGRESS]) {
    totalCount
    edges {
      node {
        id
        number
        description
        progress { done total }
        participants { id email role }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  users(role: CLIENT, first: 10) {
    edges { node { id email profile { displayName } } }
  }
  questionnaireTemplates { id title }
}
`,
      initialVariables: '{}',
    },
    {
      initialName: '2. Invite a client',
      initialQuery: `# Sends the invitation e-mail; dossierIds are the dossiers the client sees
# from the start. An address that already has an account is refused.
mutation InviteClient($input: InviteUserInput!) {
  inviteUser(input: $input) {
    id
    email
    role
    profile { displayName }
  }
}
`,
      initialVariables: variables({
        input: { email: 'nieuwe.klant@example.nl', initials: 'K.', firstName: 'Kees', infix: 'de', lastName: 'Klant', language: 'NL', dossierIds: ids.dossierId ? [ids.dossierId] : [] },
      }),
    },
    {
      initialName: '3. Create a dossier with steps',
      initialQuery: `# The number must be unique; the steps become the progress checklist.
mutation CreateDossier($input: CreateDossierInput!) {
  createDossier(input: $input) {
    id
    number
    status
    progress { done total steps { id title position done } }
    participants { id email }
  }
}
`,
      initialVariables: variables({
        input: {
          number: `${new Date().getFullYear()}.0900`,
          description: 'Levering appartement Stationsplein 3',
          status: 'IN_PROGRESS',
          clientIds: ids.clientId ? [ids.clientId] : [],
          progressSteps: ['Intake', 'Stukken verzameld', 'Concept akte', 'Passeren'],
        },
      }),
    },
    {
      initialName: '4. Publish a document',
      initialQuery: `# A multipart upload: below the variables choose "Add files", name the
# file variable  file  and pick a PDF (at most 25 MB unless the office set
# MAX_UPLOAD_MB). The client gets a content-free e-mail that something waits.
mutation PublishDocument($dossierId: ID!, $title: String!, $file: Upload!) {
  publishDocument(input: { dossierId: $dossierId, category: CORRESPONDENCE, title: $title, file: $file }) {
    id
    title
    fileName
    mimeType
    size
    sha256
    downloadUrl
  }
}
`,
      initialVariables: variables({ dossierId, title: 'Conceptakte van levering' }),
    },
    {
      initialName: '5. Send a message',
      initialQuery: `# Subject 1-200 and body 1-4000 characters. Sending again with the same
# idempotencyKey returns the first message instead of a second one (a key is
# meant for one message: reused for a different one it is refused).
mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    id
    subject
    direction
    createdAt
    author { email }
  }
}
`,
      initialVariables: variables({
        input: { dossierId, subject: 'Afspraak voor het passeren', body: 'Beste klant,\n\nWe hebben de akte klaar. Schikt dinsdag om 10:00?\n\nMet vriendelijke groet', idempotencyKey: `voorbeeld-${randomUUID()}` },
      }),
    },
    {
      initialName: '6. Send a questionnaire',
      initialQuery: `# The assignee must be a client of the dossier; they see it under actions.
mutation SendQuestionnaire($dossierId: ID!, $templateId: ID!, $assigneeId: ID!) {
  sendQuestionnaire(dossierId: $dossierId, templateId: $templateId, assigneeId: $assigneeId) {
    id
    title
    status
    assignee { email }
  }
}
`,
      initialVariables: variables({ dossierId, templateId: ids.templateId ?? FROM_START, assigneeId: clientId }),
    },
    {
      initialName: '7. Read the audit trail',
      initialQuery: `# Newest first. Leave dossierId or action null for all; page on with
# after: pageInfo.endCursor. Actions: e.g. DOCUMENT_DOWNLOADED, DOCUMENT_READ,
# MESSAGE_SENT, ACCESS_GRANTED, SIGN_IN, API_TOKEN_CREATED.
query AuditTrail($dossierId: ID, $action: String, $after: String) {
  auditEvents(dossierId: $dossierId, action: $action, first: 20, after: $after) {
    totalCount
    edges { node { at action actor { email role } dossierId subjectId } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
      initialVariables: variables({ dossierId: ids.dossierId, action: null, after: null }),
    },
    {
      initialName: '8. Live unread counts',
      initialQuery: `# A subscription over graphql-ws: it stays open and shows every change of
# your unread counts (send a message from the PWA as a client to see one).
subscription UnreadCounts {
  unreadCountsChanged {
    dossierId
    unreadTotal
    openActions
    counts { messages { total unread } }
  }
}
`,
      initialVariables: '{}',
    },
    {
      initialName: '9. API tokens',
      initialQuery: `# A token is shown once; send it as Authorization: Bearer <token>. It acts
# as you, until revoked (at once) or until your account is removed.
query ApiTokens {
  apiTokens { id name createdAt lastUsedAt }
}

mutation CreateApiToken($name: String!) {
  createApiToken(name: $name) { token apiToken { id name createdAt } }
}

mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id)
}
`,
      initialVariables: variables({ name: 'Koppeling boekhouding', id: 'an id from ApiTokens' }),
    },
  ];
}
