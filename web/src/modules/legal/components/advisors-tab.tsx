import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Space } from 'antd';
import type { AdvisorDto } from '@rg/domain/legal/advisor.schema';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { legalApi, legalKeys, type AdvisorListQuery } from '../api.ts';
import { AdvisorDrawer } from './advisor-drawer.tsx';
import { AdvisorFilters, type AdvisorFilterValues } from './advisor-filters.tsx';
import { AdvisorFormModal } from './advisor-form-modal.tsx';
import { AdvisorImportModal } from './advisor-import-modal.tsx';
import { AdvisorsTable } from './advisors-table.tsx';

type Editor = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; advisor: AdvisorDto };

function toQuery(filters: AdvisorFilterValues, paging: Paging): AdvisorListQuery {
  return { ...filters, ...paging };
}

/** 法律顾问 tab: the roster of the current scope, paged by the server. */
export function AdvisorsTab() {
  const { t } = useI18n();
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const [opened, setOpened] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const advisors = usePagedList({ toQuery, queryKey: legalKeys.advisors, queryFn: legalApi.advisors });
  // May add advisors in the listed region: the roster policy's collection ability, from the server.
  const creates = advisors.answer?.abilities.create ?? false;

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <AdvisorFilters value={advisors.filters} onChange={advisors.setFilters} />
        {creates && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('legal.import.button')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ mode: 'create' })}>
              {t('legal.advisor.create')}
            </Button>
          </Space>
        )}
      </Flex>
      <ErrorAlert message={advisors.errorMessage} />
      <AdvisorsTable
        paged={advisors.paged}
        onEdit={(advisor) => setEditor({ mode: 'edit', advisor })}
        onOpen={(advisor) => setOpened(advisor.id)}
      />
      <AdvisorFormModal
        key={editor.mode === 'edit' ? editor.advisor.id : editor.mode}
        open={editor.mode !== 'closed'}
        advisor={editor.mode === 'edit' ? editor.advisor : undefined}
        onClose={() => setEditor({ mode: 'closed' })}
      />
      <AdvisorDrawer advisorId={opened} onClose={() => setOpened(null)} />
      {creates && <AdvisorImportModal open={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
