import { useApolloClient, useMutation } from '@vue/apollo-composable'
import { useRouter } from 'vue-router'
import { graphql } from '@/gql'
import { forgetSession } from './session'

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`)

/** Ends the session and forgets everything this tab knew about the user. */
export function useSignOut() {
  const router = useRouter()
  const { resolveClient } = useApolloClient()
  const { mutate, loading } = useMutation(SignOutMutation)
  return {
    loading,
    async signOut() {
      await mutate()
      sessionStorage.clear()
      await router.push('/sign-in')
      await forgetSession(resolveClient())
    },
  }
}
