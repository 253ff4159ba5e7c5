import { useLocation } from 'wouter'
import { CreateWorkspaceBody } from '../../shared/workspaces/schema'
import { useCreateWorkspace } from '../api/workspaces'
import { SingleFieldForm } from '../ui/forms'

/** Name a new workspace, then open it. Used by onboarding and by the workspace switcher. */
export function CreateWorkspaceForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const create = useCreateWorkspace()
  const [, navigate] = useLocation()
  return (
    <SingleFieldForm
      schema={CreateWorkspaceBody}
      field="name"
      label="Workspace name"
      placeholder="Acme Inc."
      description="Usually your company's name. You can change it later."
      submitLabel="Create workspace"
      onSubmit={async (name) => {
        const workspace = await create.mutateAsync(name)
        onDone?.()
        navigate(`/w/${workspace.id}`)
      }}
      onCancel={onCancel}
    />
  )
}
