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

let asked = false

/**
 * Public facts about the portal, readable before sign-in. The server is asked once per page load (the shell asks it
 * first); later pages read the answer from the cache.
 */
export function usePortal() {
  const { result } = useQuery(PortalQuery, null, { fetchPolicy: asked ? 'cache-first' : 'cache-and-network' })
  asked = true
  return {
    officeName: computed(() => result.value?.portal.name),
  }
}
