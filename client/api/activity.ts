import { useInfiniteQuery } from '@tanstack/react-query'
import type { ActivityCategory, ActivityKind } from '../../shared/activity/schema'
import { call } from './call'
import { api } from './client'

export interface ActivityFilters {
  departmentId?: string
  category?: ActivityCategory
  kind?: ActivityKind
}

export const activityKeys = {
  plan: (planId: string) => ['activity', planId] as const,
  feed: (planId: string, filters: ActivityFilters) => ['activity', planId, filters] as const,
}

const PAGE = 30

/** The plan's activity log, newest first, a page at a time ("Load more" asks for older events). */
export function useActivity(planId: string, filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.feed(planId, filters),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      call(
        api.plans[':id'].activity.$get({
          param: { id: planId },
          query: {
            ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
            ...(filters.category ? { category: filters.category } : {}),
            ...(filters.kind ? { kind: filters.kind } : {}),
            ...(pageParam !== null ? { before: String(pageParam) } : {}),
            limit: String(PAGE),
          },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore,
  })
}
