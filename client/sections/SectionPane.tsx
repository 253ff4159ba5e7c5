import { Alert, Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { bodyPlaceholder } from './placeholder'
import { useDisclosure } from '@mantine/hooks'
import { IconInfoCircle, IconPlugConnectedX, IconTrash } from '@tabler/icons-react'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { SECTION_CATALOG, STEP_TITLES } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import { readOnlyReason } from '../../shared/workspaces/permissions'
import { ApprovalBar } from '../approvals/ApprovalBar'
import { HistoryButton } from '../history/HistoryButton'
import type { PlanViewProps } from '../plans/plan-views'
import { AccessBadge, OwnerBadge } from '../plans/SectionBadges'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import type { PresentPerson } from '../presence/usePlanPresence'
import { useSectionRoom } from '../sync/useRoom'
import { sayWriteNotice } from '../sync/write-notices'
import { departmentName } from '../workspaces/current'
import { SectionAdvice } from '../structured/SectionAdvice'
import { StructuredContent } from '../structured/StructuredContent'
import { SectionEditor } from './SectionEditor'
import { CommentsBeside } from '../comments/CommentColumn'
import { CommentsProvider } from '../comments/CommentsProvider'
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel'
import { SuggestionsProvider } from '../suggestions/SuggestionsProvider'

export interface SectionPaneProps extends PlanViewProps {
  section: Section
  /** The people who have this section open right now. */
  here: PresentPerson[]
  onRemoveNetwork?: () => void
}

/** The open section: who owns it, who is in it, where it comes from in the method, and its live text. */
export function SectionPane(props: SectionPaneProps) {
  const { section, workspace, me, here, onRemoveNetwork } = props
  const { departments, me: membership } = workspace
  const connection = useSectionRoom(section.id, me)
  const [about, { toggle }] = useDisclosure(false)
  const subscribeFinal = useCallback(
    (onChange: () => void) => connection?.onFinal(onChange) ?? (() => {}),
    [connection],
  )
  const finalReason = useSyncExternalStore(subscribeFinal, () => connection?.finalReason ?? null)
  const ownerName = section.ownerDepartmentId === null ? null : departmentName(departments, section.ownerDepartmentId)

  useEffect(() => {
    if (!connection) return
    const offNotice = connection.onNotice(sayWriteNotice)
    return () => {
      offNotice()
    }
  }, [connection])

  const editable = section.abilities.edit && finalReason === null
  useEffect(() => {
    connection?.setMayWrite(editable)
  }, [connection, editable])
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-label={`Section: ${section.title}`}
      data-section-pane
      tabIndex={-1}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
            Step {section.step} · {STEP_TITLES[section.step as keyof typeof STEP_TITLES]}
          </Text>
          <Title order={2} mt={4} style={{ overflowWrap: 'anywhere' }}>
            {section.title}
          </Title>
        </div>
        <PresenceAvatars people={here} />
      </Group>
      <Group gap={6} mt="sm" mb="md">
        <OwnerBadge ownerName={ownerName} />
        <AccessBadge section={section} membership={membership} ownerName={ownerName} />
        {section.abilities.comment && !section.abilities.edit && (
          <Badge variant="light" color="yellow" size="sm">
            Can comment
          </Badge>
        )}
        <Anchor component="button" size="xs" onClick={toggle} ml="auto">
          {about ? 'Hide' : 'About this section'}
        </Anchor>
        {connection && <HistoryButton plan={props.plan} workspace={workspace} section={section} doc={connection.doc} />}
        {section.kind === 'network' && section.abilities.edit && onRemoveNetwork && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={12} />}
            onClick={onRemoveNetwork}
          >
            Remove network
          </Button>
        )}
      </Group>
      <Collapse expanded={about}>
        <Alert variant="light" color="brand" icon={<IconInfoCircle size={16} />} mb="md">
          <Stack gap={4}>
            <Text size="sm">{SECTION_CATALOG[section.kind].source}.</Text>
            <Text size="sm">
              {ownerName === null
                ? 'Any editor of the workspace can change it, and admins and owners.'
                : `Editors in ${ownerName} can change it, and admins and owners.`}
            </Text>
          </Stack>
        </Alert>
      </Collapse>
      <SectionAdvice kind={section.kind} />
      {section.kind === 'objectives' && <ApprovalBar {...props} />}
      {finalReason && (
        <Alert variant="light" color="red" icon={<IconPlugConnectedX size={16} />} mb="md" title="Disconnected">
          {finalReason}
        </Alert>
      )}
      <CommentsProvider {...props}>
        {/* One Suggesting switch and one list for the fields and the rich text (docs/suggestions.md). */}
        <SuggestionsProvider key={section.id} sectionId={section.id} planId={props.plan.id} me={me}>
          <SuggestionsPanel kind={section.kind} />
          {connection && <StructuredContent {...props} connection={connection} editable={editable} />}
          <CommentsBeside>
            {connection && (
              <SectionEditor
                key={connection.room}
                connection={connection}
                me={me}
                editable={editable}
                readOnlyReason={readOnlyReason(membership, section, ownerName ?? undefined)}
                placeholder={section.abilities.edit ? bodyPlaceholder(section) : 'Nothing written here yet.'}
              />
            )}
          </CommentsBeside>
        </SuggestionsProvider>
      </CommentsProvider>
    </Paper>
  )
}
