import type { Ref } from 'vue'
import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

// Every document asks for `pages` with the same fields: the cache keeps one copy per request, and a smaller
// selection written later would drop the questions another view still shows. The lists ask for the answers too,
// to name the page the questionnaire resumes at.

export const ActionsQuery = graphql(`
  query Actions {
    actions {
      id
      title
      status
      currentPage
      createdAt
      pages { title questions { id label kind required options } }
      answers { questionId value }
      dossier { id number description }
    }
  }
`)

export const QuestionnaireQuery = graphql(`
  query Questionnaire($id: ID!) {
    questionnaire(id: $id) {
      id
      title
      status
      currentPage
      createdAt
      completedAt
      pages { title questions { id label kind required options } }
      answers { questionId value }
      dossier { id number description }
      pdf { id title fileName downloadUrl }
    }
  }
`)

export const DossierQuestionnairesQuery = graphql(`
  query DossierQuestionnaires($id: ID!) {
    dossier(id: $id) {
      id
      questionnaires {
        id
        title
        status
        currentPage
        createdAt
        completedAt
        pages { title questions { id label kind required options } }
        answers { questionId value }
      }
    }
  }
`)

const SaveQuestionnairePageMutation = graphql(`
  mutation SaveQuestionnairePage($id: ID!, $page: Int!, $answers: [AnswerInput!]!) {
    saveQuestionnairePage(id: $id, page: $page, answers: $answers) {
      id
      status
      currentPage
      answers { questionId value }
    }
  }
`)

const CompleteQuestionnaireMutation = graphql(`
  mutation CompleteQuestionnaire($id: ID!) {
    completeQuestionnaire(id: $id) {
      id
      status
      currentPage
      completedAt
      answers { questionId value }
      pdf { id title fileName downloadUrl }
    }
  }
`)

/** What shows counts, lists or documents that a completed questionnaire changes. */
const affectedQueries = ['Home', 'Actions', 'Dossier', 'Dossiers', 'DossierQuestionnaires', 'DossierDocuments']

/** The viewer's open questionnaires, oldest first. */
export function useActions() {
  const { result, loading } = useQuery(ActionsQuery, null, { fetchPolicy: 'cache-and-network' })
  return { actions: computed(() => result.value?.actions ?? []), loaded: computed(() => result.value !== undefined), loading }
}

/** The questionnaires of one dossier, newest first. */
export function useDossierQuestionnaires(dossierId: Ref<string>) {
  const { result } = useQuery(DossierQuestionnairesQuery, () => ({ id: dossierId.value }), { fetchPolicy: 'cache-and-network' })
  return { questionnaires: computed(() => result.value?.dossier?.questionnaires ?? []) }
}

/**
 * One questionnaire, always fresh from the server so that it resumes where it was left on any device;
 * `notFound` once the server answered that there is none the viewer may see.
 */
export function useQuestionnaire(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(QuestionnaireQuery, () => ({ id: id.value }), { fetchPolicy: 'network-only' })
  return {
    questionnaire: computed(() => result.value?.questionnaire ?? undefined),
    loading,
    error,
    refetch,
    notFound: computed(() => !loading.value && !error.value && result.value !== undefined && result.value.questionnaire === null),
  }
}

export function useAnswering() {
  const { resolveClient } = useApolloClient()
  const { mutate: savePage } = useMutation(SaveQuestionnairePageMutation, { throws: 'always' })
  const { mutate: complete } = useMutation(CompleteQuestionnaireMutation, { throws: 'always' })
  return {
    savePage: (id: string, page: number, answers: { questionId: string, value: string[] }[]) => savePage({ id, page, answers }),
    async complete(id: string) {
      const result = await complete({ id })
      await resolveClient().refetchQueries({ include: affectedQueries }).catch(() => {})
      return result?.data?.completeQuestionnaire
    },
  }
}
