import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

const UploadLimitQuery = graphql(`
  query UploadLimit {
    portal {
      maxUploadMb
    }
  }
`)

/**
 * The largest file the server takes, in bytes, so that a larger one is refused before it is sent; undefined until
 * known (the server refuses it all the same).
 */
export function useUploadLimit() {
  const { result } = useQuery(UploadLimitQuery, null, { fetchPolicy: 'cache-first' })
  return computed(() => {
    const mb = result.value?.portal.maxUploadMb
    return mb === undefined ? undefined : mb * 1024 * 1024
  })
}
