import { Box, Divider, SimpleGrid, Skeleton, Stack } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import type { SectionContent } from '../../shared/plan-model/schema'
import type { SectionKind } from '../../shared/plans/catalog'
import type { Plan, Section } from '../../shared/plans/schema'
import { chosenRows } from '../../shared/plan-model/networks'
import { usePlanDocPulse } from '../health/pulse'
import { IndicatorsContent } from '../indicators/IndicatorsContent'
import type { PlanViewProps } from '../plans/plan-views'
import type { RoomConnection } from '../sync/section-connection'
import { FieldPresence, FieldPresenceContext } from '../shared-text/field-presence'
import { CapacityNote } from './CapacityNote'
import { type StructuredEnv, StructuredEnvContext, useStructuredEnv } from './env'
import { FieldControl } from './fields'
import { BlockHeading, ListBlock } from './ListBlock'
import { objectAt, shapeOf } from '../../shared/plan-model/schema-shape'
import './structured.css'
import { type Block, KIND_UI, type KindUi, type ListUi, type OptionSource } from '../../shared/plan-model/ui-spec'
import { useDocContent } from './use-content'
import { usePlanObjectives } from './usePlanObjectives'
import { createWriter } from './writer'

export interface StructuredContentProps extends PlanViewProps {
  section: Section
  connection: RoomConnection
  editable: boolean
}

/**
 * A section's structured fields (docs/product.md#what-a-plan-holds), above its rich text, bound live to the section's
 * Y.Doc: read with the plan-model reader on every change, written with its write helpers. Guidelines are rich text
 * only; Indicators draw their own chart and table.
 */
export function StructuredContent(props: StructuredContentProps) {
  usePlanDocPulse(props.plan.id, props.connection.doc)
  const ui = KIND_UI[props.section.kind]
  if (props.section.kind === 'indicators') return <IndicatorsContent {...props} />
  if (!ui) return null
  return <StructuredForm {...props} ui={ui} />
}

/** Whether any field of these lists links to objectives (then every department's objectives are read). */
function linksObjectives(ui: {
  fields: Record<string, { options?: OptionSource }>
  lists?: Record<string, ListUi>
}): boolean {
  return (
    Object.values(ui.fields).some((f) => f.options === 'objectives') ||
    Object.values(ui.lists ?? {}).some(linksObjectives)
  )
}

function StructuredForm({
  section,
  connection,
  editable,
  plan,
  workspace,
  me,
  openSection,
  ui,
}: StructuredContentProps & { ui: KindUi }) {
  const { doc } = connection
  const kind = section.kind
  const content = useDocContent(doc, kind)
  const ready = useDocReady(connection)
  const { objectives, ready: objectivesReady } = usePlanObjectives(plan, me, linksObjectives(ui))
  const networkSections = useMemo(() => networkSectionsOf(plan), [plan])
  const write = useMemo(
    () =>
      createWriter(
        doc,
        kind,
        // A network section's row in Network selection gets its entry when someone first writes its reason.
        kind === 'network_selection'
          ? (listPath, id) => {
              const section =
                listPath.length === 1 && listPath[0] === 'chosen' && networkSections.find((s) => s.id === id)
              return section ? { name: section.title, sectionId: section.id } : null
            }
          : undefined,
      ),
    [doc, kind, networkSections],
  )

  const env = useMemo<StructuredEnv>(() => {
    const departments = workspace.departments.map((d) => ({ value: d.id, label: d.name }))
    const networks = plan.sections.filter((s) => s.kind === 'network').map((s) => ({ value: s.id, label: s.title }))
    const groups = new Map<string, { value: string; label: string }[]>()
    for (const o of objectives) {
      if (!groups.has(o.group)) groups.set(o.group, [])
      groups.get(o.group)!.push({ value: o.id, label: o.label })
    }
    const labels: Record<OptionSource, Map<string, string>> = {
      departments: new Map(departments.map((d) => [d.value, d.label])),
      networks: new Map(networks.map((n) => [n.value, n.label])),
      objectives: new Map(objectives.map((o) => [o.id, o.label])),
    }
    return {
      kind,
      doc,
      plan,
      me,
      editable,
      write,
      members: workspace.members,
      options: { departments, networks, objectives: [...groups].map(([group, items]) => ({ group, items })) },
      // Until every Objectives section has loaded, an unknown objective is not yet a broken link.
      labelOf: (source, id) => labels[source].get(id) ?? (source === 'objectives' && !objectivesReady ? id : null),
      openSection,
    }
  }, [kind, doc, plan, me, editable, write, workspace, objectives, objectivesReady, openSection])

  const presence = useFieldPresence(connection)

  return (
    <StructuredEnvContext.Provider value={env}>
      <FieldPresenceContext.Provider value={presence}>
        <Box
          className="structured"
          data-kind={kind}
          data-section-id={section.id}
          data-editable={editable}
          data-testid="structured-content"
          // Which field this person is in, for the others (any control: text, date, choice…).
          onFocus={(e) => presence.enter(fieldPathOf(e.target))}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) presence.enter(null)
          }}
        >
          {ready ? <KindForm kind={kind} content={content} ui={ui} /> : <FormSkeleton />}
        </Box>
      </FieldPresenceContext.Provider>
      <Divider my="xl" label="Notes" labelPosition="left" color="gray.3" />
    </StructuredEnvContext.Provider>
  )
}

function KindForm({ kind, content, ui }: { kind: SectionKind; content: SectionContent; ui: KindUi }) {
  return (
    <Stack gap={28}>
      {ui.blocks.map((block, i) => (
        <BlockView key={i} kind={kind} content={content as Record<string, unknown>} ui={ui} block={block} />
      ))}
    </Stack>
  )
}

function BlockView({
  kind,
  content,
  ui,
  block,
}: {
  kind: SectionKind
  content: Record<string, unknown>
  ui: KindUi
  block: Block
}) {
  const schema = objectAt(kind)
  const env = useStructuredEnv()
  const list = (key: string) => {
    const shape = shapeOf(schema.shape[key] as never)
    if (shape.type !== 'list') return null
    // Network selection lists every network the plan is on, whether or not anyone wrote why yet.
    const items =
      kind === 'network_selection' && key === 'chosen'
        ? chosenRows((content as SectionContent<'network_selection'>).chosen, networkSectionsOf(env.plan))
        : (content[key] as { id: string }[])
    return <ListBlock key={key} path={[key]} items={items} item={shape.spec.item} ui={ui.lists[key]!} />
  }
  if ('custom' in block)
    return kind === 'network_selection' ? (
      <CapacityNote content={content as SectionContent<'network_selection'>} />
    ) : null
  if ('list' in block) return list(block.list)
  if ('lists' in block) {
    return (
      <SimpleGrid cols={{ base: 1, sm: block.lists.length }} spacing="lg">
        {block.lists.map(list)}
      </SimpleGrid>
    )
  }
  return (
    <Stack gap={8}>
      {block.title && <BlockHeading title={block.title} description={block.description} />}
      <div className="structured-grid structured-grid--form">
        {block.fields.map((key) => {
          const shape = shapeOf(schema.shape[key] as never)
          if (shape.type === 'list') return null
          const fieldUi = ui.fields[key]!
          return (
            <div key={key} className={fieldUi.wide ? 'structured-wide' : undefined}>
              <FieldControl path={[key]} shape={shape} ui={fieldUi} value={content[key]} />
            </div>
          )
        })}
      </div>
    </Stack>
  )
}

/** The plan's network sections, as plan-model/networks.ts takes them. */
const networkSectionsOf = (plan: Plan) =>
  plan.sections.filter((s) => s.kind === 'network').map((s) => ({ id: s.id, title: s.title }))

/** The path of the field an element belongs to (its `data-path`), or null outside any field. */
function fieldPathOf(target: EventTarget): string | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-path]') : null
  return el?.closest('.structured-field') ? (el.dataset.path ?? null) : null
}

/** Who is in which field of this section, for as long as the form is shown. */
function useFieldPresence(connection: RoomConnection): FieldPresence {
  const presence = useMemo(() => new FieldPresence(connection.provider.awareness), [connection])
  useEffect(() => presence.start(), [presence])
  return presence
}

/**
 * Whether the document holds what is known of it: the copy kept on this device, or the server's.
 * Until then an empty form would flash "nothing here yet" over a section that has content.
 */
function useDocReady(connection: RoomConnection): boolean {
  const [readyFor, setReadyFor] = useState<RoomConnection | null>(null)
  useEffect(() => {
    const done = () => setReadyFor(connection)
    connection.provider.on('sync', done)
    connection.persistence?.on('synced', done)
    // Offline with nothing stored on this device: show the (empty) form rather than wait forever.
    const timer = window.setTimeout(done, 2500)
    return () => {
      window.clearTimeout(timer)
      connection.provider.off('sync', done)
      connection.persistence?.off('synced', done)
    }
  }, [connection])
  return readyFor === connection || connection.provider.synced || connection.persistence?.synced === true
}

function FormSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the section">
      <Skeleton height={14} width="30%" radius="sm" />
      <Skeleton height={36} radius="md" />
      <Skeleton height={14} width="24%" radius="sm" mt="sm" />
      <Skeleton height={72} radius="md" />
    </Stack>
  )
}
