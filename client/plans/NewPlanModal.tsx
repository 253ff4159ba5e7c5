import { Group, Modal, Radio, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { PlanTitleBody } from '../../shared/plans/schema'
import { BLANK_TEMPLATE_ID } from '../../shared/templates/schema'
import { useCreatePlan, useTemplates } from '../api/plans'
import { SingleFieldForm } from '../ui/forms'
import { useCurrentWorkspace } from '../workspaces/current'

/** Title a new plan and pick what it starts from: blank, or a complete example plan to adapt. */
export function NewPlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace()
  const create = useCreatePlan(workspace.id)
  const templates = useTemplates()
  const [templateId, setTemplateId] = useState<string>(BLANK_TEMPLATE_ID)
  const navigate = useNavigate()
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={650}>New plan</Text>}>
      <Stack gap="md">
        <Radio.Group value={templateId} onChange={setTemplateId} label="Start from" name="template">
          <Stack gap="xs" mt={6}>
            {(templates.data ?? [{ id: BLANK_TEMPLATE_ID, name: 'Blank plan', description: '' }]).map((t) => (
              <Radio.Card
                key={t.id}
                value={t.id}
                radius="md"
                p="sm"
                aria-label={t.name}
                data-testid={`template-${t.id}`}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={3} />
                  <div>
                    <Text fw={600} size="sm">
                      {t.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <SingleFieldForm
          schema={PlanTitleBody}
          field="title"
          label="Plan title"
          placeholder="Social media strategy 2027"
          description={
            templateId === BLANK_TEMPLATE_ID
              ? 'The plan starts with the sections of the six steps, with objectives for each department.'
              : 'Every section starts written for the example company: adapt it to yours.'
          }
          submitLabel="Create plan"
          onSubmit={async (title) => {
            const plan = await create.mutateAsync({ title, templateId })
            void navigate(`/w/${workspace.id}/plans/${plan.id}`)
          }}
          onDone={onClose}
          onCancel={onClose}
        />
      </Stack>
    </Modal>
  )
}
