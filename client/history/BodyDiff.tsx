import { Text } from '@mantine/core'
import type { Block } from '../../shared/history/blocks'
import type { BlockDiff, TextPart } from '../../shared/history/body-diff'

function Parts({ parts }: { parts: readonly TextPart[] }) {
  return parts.map((p, i) =>
    p.change === 'added' ? (
      <ins key={i}>{p.text}</ins>
    ) : p.change === 'removed' ? (
      <del key={i}>{p.text}</del>
    ) : (
      <span key={i}>{p.text}</span>
    ),
  )
}

function BlockLine({ block, change, parts }: BlockDiff) {
  if (block.type === 'rule') return <hr className="history-block" data-change={change} />
  const Tag =
    block.type === 'heading' ? (`h${Math.min(block.level + 1, 4)}` as 'h2') : block.type === 'code' ? 'pre' : 'p'
  return (
    <Tag
      className="history-block"
      data-change={change}
      data-type={block.type}
      data-quote={block.quote || undefined}
      style={{ marginLeft: `${block.depth * 1.4}em` }}
    >
      {block.marker && <span className="history-marker">{block.marker}</span>}
      <Parts parts={parts} />
    </Tag>
  )
}

const plain = (block: Block): BlockDiff => ({ block, change: 'same', parts: [{ text: block.text, change: 'same' }] })

/** A version's rich text, read-only; with `diff`, what changed since is marked in it (ins/del). */
export function BodyDiff({ blocks, diff }: { blocks: readonly Block[]; diff: readonly BlockDiff[] | null }) {
  const shown = diff ?? blocks.map(plain)
  if (shown.length === 0) {
    return (
      <Text c="dimmed" size="sm" fs="italic">
        No text was written here.
      </Text>
    )
  }
  return (
    <div className="history-doc" data-testid="history-text">
      {shown.map((d, i) => (
        <BlockLine key={i} {...d} />
      ))}
    </div>
  )
}
