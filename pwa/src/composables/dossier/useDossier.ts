import type { Ref } from 'vue'
import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

export const DossierQuery = graphql(`
  query Dossier($id: ID!) {
    dossier(id: $id) {
      id
      number
      description
      status
      updatedAt
      handler {
        id
        profile {
          displayName
        }
      }
      progress {
        done
        total
        steps {
          id
          title
          position
          done
          doneAt
        }
      }
      counts {
        correspondence { total unread }
        documents { total unread }
        provided { total unread }
        messages { total unread }
      }
    }
  }
`)

/** One dossier the viewer may see; `notFound` once the server answered that there is none (or it is not theirs). */
export function useDossier(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(DossierQuery, () => ({ id: id.value }), { fetchPolicy: 'cache-and-network' })
  const dossier = computed(() => result.value?.dossier ?? undefined)
  return {
    dossier,
    loading,
    error,
    refetch,
    notFound: computed(() => !loading.value && !error.value && result.value !== undefined && result.value.dossier === null),
  }
}
