import { Badge, Button, Divider, Group, Stack, Switch, Text, Title, Tooltip } from '@mantine/core'
import { LoadError, PanelLoader } from '../ui/states'
import { IconBookmark, IconHistory, IconRestore } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { diffBlocks, hasBodyChanges } from '../../shared/history/body-diff'
import { fieldChanges } from '../../shared/history/field-diff'
import type { SectionSnapshotContent, Version } from '../../shared/history/schema'
import type { SectionKind } from '../../shared/plans/catalog'
import { useRestoreVersion, useVersion } from '../api/history'
import { PersonAvatar } from '../comments/PersonAvatar'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { formatDateTime } from '../ui/format'
import { BodyDiff } from './BodyDiff'
import { FieldChanges } from './FieldChanges'
import { type Names, describeChange, versionTitle } from './labels'

interface Props {
  sectionId: string
  kind: SectionKind
  version: Version
  /** The section as it is now, live. */
  now: SectionSnapshotContent
  names: Names
  canRestore: boolean
  onRestored: (restoreMarkerId: string) => void
}

/** One version, read-only, with what changed since marked in it; editors can bring it back. */
export function VersionView({ sectionId, kind, version, now, names, canRestore, onRestored }: Props) {
  const detail = useVersion(sectionId, version.id)
  const restore = useRestoreVersion(sectionId)
  const [highlight, setHighlight] = useState(true)
  const [confirming, setConfirming] = useState(false)

  const content = detail.data?.content
  const body = useMemo(() => (content ? diffBlocks(content.blocks, now.blocks) : []), [content, now.blocks])
  const fields = useMemo(
    () =>
      content
        ? fieldChanges(kind, content.fields, now.fields).map((c) =>
            describeChange(kind, c, content.fields, now.fields, names),
          )
        : [],
    [content, now.fields, kind, names],
  )
  const textChanges = body.filter((d) => d.change !== 'same').length
  const same = content !== undefined && !hasBodyChanges(body) && fields.length === 0

  return (
    <Stack gap="md" data-testid="history-version">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            {version.kind === 'named' ? (
              <IconBookmark size={18} color="var(--mantine-color-indigo-6)" />
            ) : version.kind === 'restore' ? (
              <IconRestore size={18} color="var(--mantine-color-grape-6)" />
            ) : (
              <IconHistory size={18} color="var(--mantine-color-gray-6)" />
            )}
            <Title order={3} fz={19} style={{ overflowWrap: 'anywhere' }}>
              {versionTitle(version)}
            </Title>
          </Group>
          <Group gap={6} mt={6}>
            {version.createdBy && <PersonAvatar person={version.createdBy} size={20} />}
            <Text size="sm" c="dimmed">
              {version.createdBy ? `${version.createdBy.name} · ` : 'Taken automatically · '}
              {formatDateTime(version.createdAt)}
            </Text>
            {version.planVersionId && (
              <Badge size="sm" variant="light" color="indigo">
                Whole plan
              </Badge>
            )}
          </Group>
        </div>
        {canRestore && (
          <Tooltip label="This version is the same as now" disabled={!same}>
            <Button
              leftSection={<IconRestore size={16} />}
              disabled={same || !content}
              onClick={() => setConfirming(true)}
              style={{ flexShrink: 0 }}
            >
              Restore this version
            </Button>
          </Tooltip>
        )}
      </Group>

      {detail.isPending ? (
        <PanelLoader />
      ) : detail.isError ? (
        <LoadError
          title="This version could not be loaded"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : (
        <>
          <Group justify="space-between" gap="sm" className="history-toolbar">
            <Switch
              size="sm"
              checked={highlight}
              onChange={(e) => setHighlight(e.currentTarget.checked)}
              label="Highlight what changed since this version"
            />
            {same ? (
              <Badge variant="light" color="gray">
                Same as now
              </Badge>
            ) : highlight ? (
              <Group gap={10}>
                <Text size="xs" c="dimmed">
                  {textChanges === 1 ? '1 change in the text' : `${textChanges} changes in the text`}
                  {fields.length > 0 && ` · ${fields.length === 1 ? '1 field' : `${fields.length} fields`}`}
                </Text>
                <span className="history-legend">
                  <del>removed since</del> <ins>added since</ins>
                </span>
              </Group>
            ) : null}
          </Group>
          <div className="history-page">
            <BodyDiff blocks={content!.blocks} diff={highlight ? body : null} />
          </div>
          {fields.length > 0 && (
            <Stack gap={6}>
              <Divider label="Structured content that differs from now" labelPosition="left" />
              <FieldChanges changes={fields} />
            </Stack>
          )}
        </>
      )}

      <ConfirmDialog
        opened={confirming}
        title="Restore this version?"
        confirmLabel="Restore"
        loading={restore.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          restore.mutate(version.id, {
            onSuccess: (result) => {
              setConfirming(false)
              onRestored(result.restored.id)
            },
          })
        }
      >
        The section will read as it did at {formatDateTime(version.createdAt)}, as a new change that everyone in it sees
        at once. Nothing is lost: the section as it is now is kept in this list, so restoring it undoes this.
      </ConfirmDialog>
    </Stack>
  )
}
