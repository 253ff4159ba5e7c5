import { Badge, Group, Paper, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core'
import type { Finding } from '../../shared/health/schema'
import { STEP_TITLES, type SectionKindInfo } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import type { Membership } from '../../shared/workspaces/permissions'
import type { Department } from '../../shared/workspaces/schema'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import type { PresentPerson } from '../presence/usePlanPresence'
import { departmentName } from '../workspaces/current'
import { AccessBadge, FindingsBadge } from './SectionBadges'
import classes from './SectionList.module.css'

export interface SectionListProps {
  sections: readonly Section[]
  departments: readonly Department[]
  membership: Membership
  selectedId: string | null
  onSelect: (sectionId: string) => void
  /** Who has each section open right now. */
  presence?: (sectionId: string) => PresentPerson[]
  /** The plan's health findings, counted on each section's row. */
  findings?: readonly Finding[]
}

const STEPS = Object.keys(STEP_TITLES).map(Number) as SectionKindInfo['step'][]

/**
 * A plan's sections under the six steps. Each row carries one badge at most: what the person may do
 * there when it differs from most sections, else what the health check asks of it; the owner and
 * the full access are in the open section. Selecting one is reported up, so the page can open it.
 */
export function SectionList({
  sections,
  departments,
  membership,
  selectedId,
  onSelect,
  presence,
  findings = [],
}: SectionListProps) {
  const usuallyEditable = sections.filter((s) => s.abilities.edit).length * 2 >= sections.length
  return (
    <Stack gap="lg" component="ol" className={classes.steps} aria-label="Sections by step">
      {STEPS.map((step) => {
        const inStep = sections.filter((s) => s.step === step)
        return (
          <li key={step}>
            <Group gap="sm" mb="xs" wrap="nowrap">
              <ThemeIcon size={26} radius="xl" variant="light" fw={700} fz="sm" aria-hidden>
                {step}
              </ThemeIcon>
              <Text fw={650} size="sm">
                {/* The number beside says the step to the eye; this says it to screen readers. */}
                <VisuallyHidden>Step {step} · </VisuallyHidden>
                {STEP_TITLES[step]}
              </Text>
            </Group>
            <Paper withBorder radius="md" className={classes.group}>
              {inStep.length === 0 && (
                <Text size="sm" c="dimmed" p="sm">
                  No sections in this step yet.
                </Text>
              )}
              {inStep.map((section) => {
                const ownerName =
                  section.ownerDepartmentId === null ? null : departmentName(departments, section.ownerDepartmentId)
                return (
                  <UnstyledButton
                    key={section.id}
                    className={classes.row}
                    data-active={section.id === selectedId || undefined}
                    aria-current={section.id === selectedId ? 'true' : undefined}
                    onClick={() => onSelect(section.id)}
                  >
                    <Text size="sm" fw={500} className={classes.title}>
                      {section.title}
                    </Text>
                    {presence && <PresenceAvatars people={presence(section.id)} size={22} max={3} />}
                    {section.abilities.edit !== usuallyEditable ? (
                      <AccessBadge section={section} membership={membership} ownerName={ownerName} />
                    ) : (
                      <FindingsBadge findings={findings.filter((f) => f.sectionId === section.id)} />
                    )}
                  </UnstyledButton>
                )
              })}
            </Paper>
          </li>
        )
      })}
      {sections.length === 0 && (
        <Badge color="gray" variant="light">
          This plan has no sections.
        </Badge>
      )}
    </Stack>
  )
}
