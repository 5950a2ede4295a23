import { Empty, Table, type TableProps } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';

/** One page of a server-paged list and how to move to another. */
export interface PagedData<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export type PagedTableProps<Item> = Omit<TableProps<Item>, 'dataSource' | 'loading' | 'pagination' | 'locale' | 'size'> & {
  paged: PagedData<Item>;
  emptyText: string;
};

/** A middle-size table over one server page, with the page-size changer and the "共 N 条" total. */
export function PagedTable<Item extends object>({ paged, emptyText, ...tableProps }: PagedTableProps<Item>) {
  const { t } = useI18n();
  return (
    <Table<Item>
      size="middle"
      {...tableProps}
      dataSource={paged.items}
      loading={paged.loading}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: paged.page,
        pageSize: paged.pageSize,
        total: paged.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: paged.onPage,
      }}
    />
  );
}
