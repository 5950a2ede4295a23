import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorMessages } from '../api/use-error-messages.ts';
import type { PagedData } from './paged-table.tsx';

export interface Paging {
  page: number;
  pageSize: number;
}

/** What a paged list's server answers: a page of items, and whatever else (`Extra`) its schema declares. */
export type PageAnswer<Item, Extra extends object = object> = { items: Item[]; total: number } & Extra;

export interface PagedListOptions<Filters, Query, Item, Extra extends object = object> {
  toQuery: (filters: Filters, paging: Paging) => Query;
  queryKey: (query: Query) => QueryKey;
  queryFn: (query: Query) => Promise<PageAnswer<Item, Extra>>;
}

export interface PagedList<Filters, Item, Extra extends object = object> {
  filters: Filters;
  /** Applies new filters and goes back to the first page. */
  setFilters: (next: Filters) => void;
  /** The load error's message, for the alert above the table. */
  errorMessage: string | null;
  /** Everything a {@link PagedTable} needs to show the current page. */
  paged: PagedData<Item>;
  /** The last answer as the server gave it (e.g. the list's collection `abilities`); undefined until it arrives. */
  answer: PageAnswer<Item, Extra> | undefined;
}

/** A server-paged list with filters: 20 rows a page, the previous page stays shown while the next one loads. */
export function usePagedList<Filters extends object, Query, Item, Extra extends object = object>(
  options: PagedListOptions<Filters, Query, Item, Extra>,
): PagedList<Filters, Item, Extra> {
  const { errorMessage } = useErrorMessages();
  const [filters, setFilters] = useState<Filters>({} as Filters);
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const query = options.toQuery(filters, paging);
  const result = useQuery({
    queryKey: options.queryKey(query),
    queryFn: () => options.queryFn(query),
    placeholderData: keepPreviousData,
  });

  return {
    filters,
    setFilters: (next) => {
      setFilters(next);
      setPaging((current) => ({ ...current, page: 1 }));
    },
    errorMessage: result.error ? errorMessage(result.error) : null,
    paged: {
      items: result.data?.items ?? [],
      total: result.data?.total ?? 0,
      page: paging.page,
      pageSize: paging.pageSize,
      loading: result.isFetching,
      onPage: (page, pageSize) => setPaging({ page, pageSize }),
    },
    answer: result.data,
  };
}
