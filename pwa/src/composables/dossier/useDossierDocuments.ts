import type { Ref } from 'vue'
import type { DocumentCategory } from '@/gql/graphql'
import { useApolloClient, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import { graphql } from '@/gql'

const DossierDocumentsQuery = graphql(`
  query DossierDocuments($dossierId: ID!, $category: DocumentCategory!, $first: Int, $after: String) {
    dossier(id: $dossierId) {
      id
      documents(category: $category, first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            title
            fileName
            mimeType
            size
            createdAt
            read
            downloadUrl
            author {
              id
              profile {
                displayName
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`)

const pageSize = 20

/** The documents of one tab of a dossier, newest first, a page at a time. */
export function useDossierDocuments(dossierId: Ref<string>, category: Ref<DocumentCategory>) {
  const variables = computed(() => ({ dossierId: dossierId.value, category: category.value, first: pageSize }))
  const { result, loading, fetchMore, error } = useQuery(DossierDocumentsQuery, variables, { fetchPolicy: 'cache-and-network' })
  const connection = computed(() => result.value?.dossier?.documents)

  function loadMore() {
    const after = connection.value?.pageInfo.endCursor
    if (!after)
      return
    return fetchMore({
      variables: { ...variables.value, after },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.dossier || !fetchMoreResult?.dossier)
          return previous
        const documents = fetchMoreResult.dossier.documents
        return { dossier: { ...fetchMoreResult.dossier, documents: { ...documents, edges: [...previous.dossier.documents.edges, ...documents.edges] } } }
      },
    })
  }

  return {
    documents: computed(() => connection.value?.edges.map(edge => edge.node) ?? []),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading,
    error,
    loadMore,
  }
}

/**
 * Downloads a document with the session cookie and saves it under its file name.
 * The server marks it read as it serves the bytes; the tab badges, the row and the home counts are fetched again after.
 */
export function useDocumentDownload() {
  const { resolveClient } = useApolloClient()
  const downloading = ref<string>()
  const failed = ref(false)

  async function download(document: { id: string, fileName: string, downloadUrl: string }) {
    downloading.value = document.id
    failed.value = false
    try {
      // Relative, so it works behind whatever host serves the portal.
      const response = await fetch(new URL(document.downloadUrl, location.href).pathname, { credentials: 'same-origin' })
      if (!response.ok)
        throw new Error(`download failed: ${response.status}`)
      saveBlob(await response.blob(), document.fileName)
      await resolveClient().refetchQueries({ include: ['DossierDocuments', 'Dossier', 'Home', 'Dossiers'] })
    }
    catch {
      failed.value = true
    }
    finally {
      downloading.value = undefined
    }
  }

  return { download, downloading, failed }
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = window.document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  window.document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
