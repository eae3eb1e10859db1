import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      role
      language
      isMainAccount
      companyName
      maskedPhone
      secondFactors
      profile {
        gender
        initials
        firstName
        infix
        lastName
        displayName
      }
      notificationPreferences {
        newDocuments
        newQuestionnaires
        newMessages
      }
      absence {
        enabled
        message
        until
      }
    }
  }
`)

/** The signed-in user, from the cache once loaded; mutations that return the user keep it current. */
export function useMe() {
  const { result, loading, refetch } = useQuery(MeQuery)
  return { me: computed(() => result.value?.me ?? undefined), loading, refetch }
}
