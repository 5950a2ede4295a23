import { Col, Row } from 'antd';
import { TodoList } from '../components/todo-list.tsx';
import { WelcomeCard } from '../components/welcome-card.tsx';

/** 首页: who and where I am, and what is waiting for me. */
export function HomePage() {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomeCard />
      </Col>
      <Col span={24}>
        <TodoList />
      </Col>
    </Row>
  );
}
