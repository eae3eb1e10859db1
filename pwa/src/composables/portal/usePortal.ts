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

/** The name the server wrote into the page; the service worker's copy of the page has none. */
const nameInPage = () => document.querySelector<HTMLMetaElement>('meta[name="application-name"]')?.content || undefined

/**
 * Public facts about the portal, readable before sign-in. Its name comes with the page; where it does not, the server
 * is asked once per page load (the shell asks it first) and later pages read the answer from the cache.
 */
export function usePortal() {
  const inPage = nameInPage()
  if (inPage)
    return { officeName: computed(() => inPage) }
  const { result } = useQuery(PortalQuery, null, { fetchPolicy: asked ? 'cache-first' : 'cache-and-network' })
  asked = true
  return {
    officeName: computed(() => result.value?.portal.name),
  }
}
