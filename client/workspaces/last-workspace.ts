/** The workspace a person last opened, so "/" takes them back to it. Per browser, not a secret. */
const KEY = 'planroom:last-workspace'

export const rememberWorkspace = (id: string) => {
  try {
    localStorage.setItem(KEY, id)
  } catch {
    // Private mode without storage: "/" will open the first workspace instead.
  }
}

export const lastWorkspace = (): string | null => {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}
