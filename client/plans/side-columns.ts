import { useLocalStorage } from '@mantine/hooks'

/**
 * Whether a side column of the plan page is open, as the person last chose on this device; null
 * until they choose. The section list is then open; the comment column follows the section (open
 * when it has threads), so a section nobody commented on gives its text the whole width.
 */
export function useSideColumn(column: 'sections' | 'comments') {
  return useLocalStorage<boolean | null>({
    key: `planroom.plan-${column}-column`,
    defaultValue: null,
    getInitialValueInEffect: false,
  })
}
