import { reactive, ref } from 'vue'
import { errorFieldOf, useErrorMessage } from './useErrorMessage'

/**
 * Where a form shows what went wrong: by the field the server names when the form has it,
 * otherwise in one alert above the buttons.
 */
export function useFormErrors(fields: readonly string[]) {
  const errorMessage = useErrorMessage()
  const fieldErrors = reactive<Record<string, string | undefined>>({})
  const alert = ref<string>()

  function clear() {
    alert.value = undefined
    for (const field of Object.keys(fieldErrors))
      fieldErrors[field] = undefined
  }

  function show(error: unknown) {
    clear()
    const field = errorFieldOf(error)
    if (field && fields.includes(field))
      fieldErrors[field] = errorMessage(error)
    else
      alert.value = errorMessage(error)
  }

  /** Runs `action`, showing its error instead of throwing; resolves to undefined on failure. */
  async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    clear()
    try {
      return await action()
    }
    catch (error) {
      show(error)
      return undefined
    }
  }

  return { fieldErrors, alert, clear, show, attempt }
}
