import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

const PortalQuery = graphql(`
  query Portal {
    portal {
      name
    }
  }
`)

/** Public facts about the portal, readable before sign-in. */
export function usePortal() {
  const { result } = useQuery(PortalQuery)
  return {
    officeName: computed(() => result.value?.portal.name),
  }
}
