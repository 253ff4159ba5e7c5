import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { Logo } from '../ui/Logo'

export interface AuthLayoutProps {
  title: string
  subtitle?: ReactNode
  children: ReactNode
  /** The line under the card ("No account yet? …"). */
  footer?: ReactNode
}

/** The calm, centred frame of the sign-in, sign-up and invite pages. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <Box
      mih="100dvh"
      px="md"
      py={{ base: 32, sm: 64 }}
      style={{
        background: 'linear-gradient(180deg, var(--mantine-color-brand-0) 0%, var(--mantine-color-gray-0) 55%)',
      }}
    >
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Anchor href="/" underline="never" style={{ alignSelf: 'center' }}>
            <Logo size={34} />
          </Anchor>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }}>
            <Stack gap={4} mb="lg">
              <Title order={2} fz={24}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          {footer && (
            <Text ta="center" size="sm" c="dimmed">
              {footer}
            </Text>
          )}
        </Stack>
      </Center>
    </Box>
  )
}
