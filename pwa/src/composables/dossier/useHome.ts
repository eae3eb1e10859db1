import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

export const HomeQuery = graphql(`
  query Home {
    home {
      dossiersInProgress
      dossiersTotal
      openActions
      unreadTotal
      singleDossierId
    }
  }
`)

/** The counts on the home tiles and in the navigation; fresh from the server on every page that shows them. */
export function useHome() {
  const { result, loading, refetch } = useQuery(HomeQuery, null, { fetchPolicy: 'cache-and-network' })
  return { home: computed(() => result.value?.home ?? undefined), loading, refetch }
}

/** Where the dossiers link leads: straight into the dossier when the viewer has exactly one. */
export function dossiersPath(singleDossierId: string | null | undefined) {
  return singleDossierId ? `/dossiers/${singleDossierId}` : '/dossiers'
}
