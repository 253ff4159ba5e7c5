import { Button, Drawer, Group, Paper, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core'
import { LoadError, PanelLoader } from '../ui/states'
import { useMediaQuery } from '@mantine/hooks'
import { IconArrowLeft, IconBookmarkPlus, IconHistory } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { canNamePlanVersion } from '../../shared/history/permissions'
import type { Section } from '../../shared/plans/schema'
import { refetchAfterNews, usePlanNews } from '../activity/live'
import { historyKeys, useSectionVersions } from '../api/history'
import type { PlanViewProps } from '../plans/plan-views'
import './history.css'
import type { Names } from './labels'
import { NameVersionModal } from './NameVersionModal'
import { useLiveSnapshot } from './use-live-snapshot'
import { VersionList } from './VersionList'
import { VersionView } from './VersionView'

interface Props extends Pick<PlanViewProps, 'plan' | 'workspace'> {
  section: Section
  /** The section's live document: versions are compared with it. */
  doc: Y.Doc
  opened: boolean
  onClose: () => void
}

/** A section's history: its versions on the left, the chosen one on the right with what changed since. */
export function HistoryDrawer({ plan, workspace, section, doc, opened, onClose }: Props) {
  const narrow = useMediaQuery('(max-width: 48em)') ?? false
  const list = useSectionVersions(section.id, opened)
  const [chosen, setChosen] = useState<string | null>(null)
  const [naming, setNaming] = useState(false)
  const now = useLiveSnapshot(doc, section.kind, opened)
  const queryClient = useQueryClient()
  // Restores and named versions are announced as activity: the list follows while it is open.
  usePlanNews(
    opened ? plan.id : null,
    ['activity'],
    () => void refetchAfterNews(queryClient, historyKeys.section(section.id)),
  )

  const versions = list.data?.versions ?? []
  // The newest version until one is chosen (on a phone, the list comes first).
  const selectedId = chosen ?? (narrow ? null : (versions[0]?.id ?? null))
  const selected = versions.find((v) => v.id === selectedId) ?? null
  const names: Names = useMemo(
    () => ({ sections: plan.sections, departments: workspace.departments, members: workspace.members }),
    [plan.sections, workspace.departments, workspace.members],
  )
  const can = { section: list.data?.abilities.name ?? false, plan: canNamePlanVersion(workspace.me) }

  const listPane = list.isPending ? (
    <PanelLoader />
  ) : list.isError ? (
    <LoadError title="The history could not be loaded" error={list.error} onRetry={() => void list.refetch()} />
  ) : versions.length === 0 ? (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={6} align="center">
        <ThemeIcon variant="light" size="lg" radius="xl">
          <IconHistory size={18} />
        </ThemeIcon>
        <Text size="sm" fw={600}>
          No versions yet
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          Snapshots are taken every few minutes while people write, and when everyone has left. Name a version to keep
          this moment for good.
        </Text>
      </Stack>
    </Paper>
  ) : (
    <VersionList versions={versions} selected={selectedId} onSelect={setChosen} />
  )

  const viewPane = selected && (
    <VersionView
      key={selected.id}
      sectionId={section.id}
      kind={section.kind}
      version={selected}
      now={now}
      names={names}
      canRestore={list.data?.abilities.restore ?? false}
      onRestored={setChosen}
    />
  )

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={narrow ? '100%' : 1040}
      padding={0}
      title={
        <Group gap={10} wrap="nowrap">
          <ThemeIcon variant="light" radius="md" size="lg">
            <IconHistory size={18} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fw={650} lh={1.2}>
              Version history
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {section.title}
            </Text>
          </div>
        </Group>
      }
      styles={{
        header: { padding: '14px 20px', borderBottom: '1px solid var(--mantine-color-gray-2)' },
        body: { padding: 0 },
      }}
      aria-label={`Version history of ${section.title}`}
    >
      <div className="history-layout" data-narrow={narrow || undefined}>
        {(!narrow || !selected) && (
          <div className="history-sidebar">
            {(can.section || can.plan) && (
              <Button
                fullWidth
                variant="light"
                leftSection={<IconBookmarkPlus size={16} />}
                onClick={() => setNaming(true)}
                mb="md"
              >
                Name a version
              </Button>
            )}
            <ScrollArea.Autosize mah={narrow ? undefined : 'calc(100dvh - 150px)'} offsetScrollbars>
              {listPane}
            </ScrollArea.Autosize>
          </div>
        )}
        {(!narrow || selected) && (
          <div className="history-main">
            {narrow && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconArrowLeft size={14} />}
                onClick={() => setChosen(null)}
                mb="sm"
              >
                All versions
              </Button>
            )}
            {viewPane}
          </div>
        )}
      </div>
      <NameVersionModal
        opened={naming}
        onClose={() => setNaming(false)}
        planId={plan.id}
        sectionId={section.id}
        sectionTitle={section.title}
        can={can}
        onNamed={setChosen}
      />
    </Drawer>
  )
}
