import { ActionIcon, Group, Tooltip } from '@mantine/core'
import {
  IconBlockquote,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListCheck,
  IconListNumbers,
  IconStrikethrough,
  IconTable,
} from '@tabler/icons-react'
import { type Editor, useEditorState } from '@tiptap/react'
import type { ReactNode } from 'react'

interface Tool {
  label: string
  icon: ReactNode
  active: (e: Editor) => boolean
  run: (e: Editor) => void
}

function toggleLink(editor: Editor) {
  if (editor.isActive('link')) return editor.chain().focus().unsetLink().run()
  const href = window.prompt('Link address', 'https://')
  if (href && href !== 'https://') editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
}

const TOOLS: Tool[] = [
  {
    label: 'Bold',
    icon: <IconBold size={16} />,
    active: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    label: 'Italic',
    icon: <IconItalic size={16} />,
    active: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    label: 'Strikethrough',
    icon: <IconStrikethrough size={16} />,
    active: (e) => e.isActive('strike'),
    run: (e) => e.chain().focus().toggleStrike().run(),
  },
  {
    label: 'Heading',
    icon: <IconH2 size={16} />,
    active: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    label: 'Subheading',
    icon: <IconH3 size={16} />,
    active: (e) => e.isActive('heading', { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    label: 'Bulleted list',
    icon: <IconList size={16} />,
    active: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    label: 'Numbered list',
    icon: <IconListNumbers size={16} />,
    active: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    label: 'Task list',
    icon: <IconListCheck size={16} />,
    active: (e) => e.isActive('taskList'),
    run: (e) => e.chain().focus().toggleTaskList().run(),
  },
  {
    label: 'Quote',
    icon: <IconBlockquote size={16} />,
    active: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  { label: 'Link', icon: <IconLink size={16} />, active: (e) => e.isActive('link'), run: toggleLink },
  {
    label: 'Table',
    icon: <IconTable size={16} />,
    active: (e) => e.isActive('table'),
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
]

export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({ editor, selector: ({ editor: e }) => TOOLS.map((t) => t.active(e)) })
  return (
    <Group gap={4} className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {TOOLS.map((tool, i) => (
        <Tooltip key={tool.label} label={tool.label} openDelay={400}>
          <ActionIcon
            variant={active[i] ? 'light' : 'subtle'}
            color={active[i] ? 'indigo' : 'gray'}
            aria-label={tool.label}
            aria-pressed={active[i]}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => tool.run(editor)}
          >
            {tool.icon}
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  )
}
