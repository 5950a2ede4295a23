import { Breadcrumb, Button, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSession } from '../auth/auth-context.tsx';

/** A region drilled into below the working scope. */
export interface DrillStep {
  code: string;
  name: string;
}

export interface DrillDown {
  /** The region shown: the last step, or undefined for the working scope itself. */
  regionCode: string | undefined;
  /** Goes one level down, into a child row's region. */
  drill: (step: DrillStep) => void;
  /** The way back up: the scope, then each region drilled into, all but the last clickable. */
  breadcrumb: (testId: string) => ReactNode;
}

/** Drill-down from the working scope county → town → village, as the coverage, dashboard and statistics views do. */
export function useDrillDown(): DrillDown {
  const session = useSession();
  const [trail, setTrail] = useState<DrillStep[]>([]);
  const link = (label: string, onClick: () => void, last: boolean) =>
    last ? label : <Typography.Link onClick={onClick}>{label}</Typography.Link>;
  return {
    regionCode: trail[trail.length - 1]?.code,
    drill: (step) => setTrail((current) => [...current, { code: step.code, name: step.name }]),
    breadcrumb: (testId) => (
      <Breadcrumb
        data-testid={testId}
        items={[
          { key: 'scope', title: link(session.scope.name, () => setTrail([]), trail.length === 0) },
          ...trail.map((step, index) => ({
            key: step.code,
            title: link(step.name, () => setTrail(trail.slice(0, index + 1)), index === trail.length - 1),
          })),
        ]}
      />
    ),
  };
}

/**
 * The name column of a drill-down table: a link into the child where there is something below it.
 * With {@link drillRow} the whole row clicks through too.
 */
export function drillNameColumn<Row extends DrillStep>(
  title: string,
  width: number,
  canDrill: (row: Row) => boolean,
  onDrill: (row: Row) => void,
): TableColumnType<Row> {
  return {
    title,
    dataIndex: 'name',
    width,
    ellipsis: true,
    render: (_value, row) =>
      canDrill(row) ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            onDrill(row);
          }}
        >
          {row.name}
        </Button>
      ) : (
        row.name
      ),
  };
}

/** Row props of a drill-down table: a click on a row that has children below it drills into it. */
export function drillRow<Row>(
  canDrill: (row: Row) => boolean,
  onDrill: (row: Row) => void,
): (row: Row) => { onClick?: () => void; style?: { cursor: string } } {
  return (row) => (canDrill(row) ? { onClick: () => onDrill(row), style: { cursor: 'pointer' } } : {});
}
