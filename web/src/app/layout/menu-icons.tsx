import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  FlagOutlined,
  SolutionOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** Icon names the server's menu entries use (module manifests), mapped to antd icons. */
const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  user: <UserOutlined />,
  users: <TeamOutlined />,
  team: <TeamOutlined />,
  audit: <AuditOutlined />,
  region: <EnvironmentOutlined />,
  regions: <EnvironmentOutlined />,
  bank: <BankOutlined />,
  legal: <SafetyCertificateOutlined />,
  mediation: <SolutionOutlined />,
  programs: <FlagOutlined />,
  indicators: <BarChartOutlined />,
};

export function menuIcon(name: string): ReactNode {
  return ICONS[name] ?? <AppstoreOutlined />;
}
