// Stands in for @vue/apollo-composable in the measurement build (see README.md).
import { isRef, ref, shallowRef, watchEffect } from 'vue'
import { client, fetchQuery } from './client'

export const DefaultApolloClient = Symbol('DefaultApolloClient')
const nothing = () => undefined

export function useApolloClient() {
  return { client, resolveClient: () => client }
}

export function useQuery(query: any, variables?: any) {
  const result = shallowRef<any>()
  const loading = ref(true)
  const error = ref<unknown>(null)
  watchEffect(() => {
    const values = typeof variables === 'function' ? variables() : isRef(variables) ? variables.value : variables
    loading.value = true
    fetchQuery(query, values).then(({ data }) => (result.value = data), (failure: unknown) => (error.value = failure)).finally(() => (loading.value = false))
  })
  return { result, loading, error, refetch: nothing, fetchMore: nothing, onResult: nothing, onError: nothing, stop: nothing }
}

export function useMutation() {
  return { mutate: async () => null, loading: ref(false), error: ref(null), onDone: nothing, onError: nothing }
}

export function useSubscription() {
  return { result: shallowRef(), loading: ref(false), error: ref(null), onResult: nothing, onError: nothing, stop: nothing }
}
