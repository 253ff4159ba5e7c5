import { ActionIcon, Group, Modal, Radio, Stack, Text, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { PlanTitleBody } from '../../shared/plans/schema'
import { BLANK_TEMPLATE_ID, type TemplateSummary } from '../../shared/templates/schema'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { useCreatePlan } from '../api/plans'
import { useDeleteTemplate, useWorkspaceTemplates } from '../api/templates'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { SingleFieldForm } from '../ui/forms'
import { useCurrentWorkspace } from '../workspaces/current'

const BLANK = { id: BLANK_TEMPLATE_ID, name: 'Blank plan', description: '' }

function TemplateCard({ template }: { template: TemplateSummary }) {
  return (
    <Radio.Card
      value={template.id}
      radius="md"
      p="sm"
      aria-label={template.name}
      data-testid={`template-${template.id}`}
      style={{ flex: 1 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={3} />
        <div>
          <Text fw={600} size="sm">
            {template.name}
          </Text>
          <Text size="sm" c="dimmed">
            {template.description}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  )
}

/**
 * Title a new plan and pick what it starts from: blank, a complete example plan to adapt, or one of
 * the workspace's own templates (which owners and admins can delete here).
 */
export function NewPlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace()
  const create = useCreatePlan(workspace.id)
  const templates = useWorkspaceTemplates(workspace.id)
  const remove = useDeleteTemplate(workspace.id)
  const [templateId, setTemplateId] = useState<string>(BLANK_TEMPLATE_ID)
  const [deleting, setDeleting] = useState<TemplateSummary | null>(null)
  const [, navigate] = useLocation()
  const own = templates.data?.own ?? []
  const canDelete = canManagePlan(workspace.me)
  const description =
    templateId === BLANK_TEMPLATE_ID
      ? 'The plan starts with the sections of the six steps, with objectives for each department.'
      : own.some((t) => t.id === templateId)
        ? 'Every section starts as it was in the plan the template was saved from.'
        : 'Every section starts written for the example company: adapt it to yours.'
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={650}>New plan</Text>}>
      <Stack gap="md">
        <Radio.Group value={templateId} onChange={setTemplateId} label="Start from" name="template">
          <Stack gap="xs" mt={6}>
            {(templates.data?.templates ?? [BLANK]).map((t) => (
              <TemplateCard key={t.id} template={t} />
            ))}
            {own.length > 0 && (
              <Text size="sm" fw={600} mt="xs">
                This workspace’s templates
              </Text>
            )}
            {own.map((t) => (
              <Group key={t.id} wrap="nowrap" gap="xs">
                <TemplateCard template={t} />
                {canDelete && (
                  <Tooltip label="Delete template">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={`Delete the template ${t.name}`}
                      onClick={() => setDeleting(t)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        </Radio.Group>
        <SingleFieldForm
          schema={PlanTitleBody}
          field="title"
          label="Plan title"
          placeholder="Social media strategy 2027"
          description={description}
          submitLabel="Create plan"
          onSubmit={async (title) => {
            const plan = await create.mutateAsync({ title, templateId })
            navigate(`/w/${workspace.id}/plans/${plan.id}`)
          }}
          onDone={onClose}
          onCancel={onClose}
        />
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete the template “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete template"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              if (templateId === deleting.id) setTemplateId(BLANK_TEMPLATE_ID)
              setDeleting(null)
            },
          })
        }
      >
        Nobody in this workspace can start a plan from it any more. Plans already made from it keep their content.
      </ConfirmDialog>
    </Modal>
  )
}
