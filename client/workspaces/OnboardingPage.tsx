import { Anchor, Text } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { useMe, useSignOut } from '../api/auth'
import { AuthLayout } from '../auth/AuthLayout'
import { CreateWorkspaceForm } from './CreateWorkspaceForm'

/** A signed-in person with no workspace yet: start one (or open the invite link they were sent). */
export function OnboardingPage() {
  useDocumentTitle('Create your workspace · Planroom')
  const me = useMe().data
  const signOut = useSignOut()
  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="A workspace holds your company's plans, departments and people. You will invite your team next."
      footer={
        <>
          <Text span size="sm">
            Were you invited? Open the invite link you received to join your team.
          </Text>
          <br />
          Signed in as {me?.email}.{' '}
          <Anchor component="button" size="sm" onClick={() => signOut.mutate()}>
            Sign out
          </Anchor>
        </>
      }
    >
      <CreateWorkspaceForm />
    </AuthLayout>
  )
}
