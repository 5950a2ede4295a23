import { Badge, Button, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { homeApi, homeKeys, type TodoItem } from '../api.ts';

function TodoRow({ item }: { item: TodoItem }) {
  const { t, tServer } = useI18n();
  const navigate = useNavigate();
  const link = item.link;
  const description = item.description && tServer({ text: item.description, key: item.descriptionKey, params: item.params });
  return (
    <List.Item
      actions={
        link
          ? [
              <Button key="open" type="link" onClick={() => void navigate(link)}>
                {t('home.open')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space>
            <span>{tServer({ text: item.title, key: item.titleKey, params: item.params })}</span>
            {item.count !== undefined && <Badge count={item.count} overflowCount={999} />}
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            {description && <Typography.Text type="secondary">{description}</Typography.Text>}
            {item.dueAt && (
              <Typography.Text type="warning">{t('home.due', { date: dayjs(item.dueAt).format('YYYY-MM-DD') })}</Typography.Text>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

export function TodoList() {
  const { t } = useI18n();
  const todos = useQuery({ queryKey: homeKeys.todos, queryFn: homeApi.todos });
  return (
    <Card title={t('home.todos')} data-testid="todo-list">
      {todos.isPending ? (
        <Skeleton active />
      ) : todos.error ? (
        <LoadError error={todos.error} onRetry={() => void todos.refetch()} />
      ) : todos.data.items.length === 0 ? (
        <Empty description={t('home.noTodos')} />
      ) : (
        <List dataSource={todos.data.items} rowKey="id" renderItem={(item) => <TodoRow item={item} />} />
      )}
    </Card>
  );
}
