import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { NoticeDto } from '@rg/domain/legal/service.schema';
import type { CSSProperties } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { legalReportKeys, legalReportsApi } from '../api.reports.ts';

/**
 * A4 on screen and on paper: the sheet is drawn at its printed size, the toolbar and the grey
 * backdrop disappear when printing, and the page has no browser margins of its own.
 */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 0; }
@media print {
  html, body { background: #fff !important; }
  .legal-notice-toolbar { display: none !important; }
  .legal-notice-backdrop { padding: 0 !important; background: #fff !important; }
  .legal-notice-sheet { box-shadow: none !important; margin: 0 !important; }
}
`;

const RED = '#b71c1c';

const styles: Record<string, CSSProperties> = {
  backdrop: { minHeight: '100vh', background: '#e9ebef', padding: '24px 0 48px' },
  toolbar: { width: '210mm', margin: '0 auto 16px', display: 'flex', justifyContent: 'flex-end', gap: 8 },
  sheet: {
    width: '210mm',
    height: '297mm',
    margin: '0 auto',
    background: '#fff',
    boxShadow: '0 2px 12px rgba(0,0,0,.15)',
    boxSizing: 'border-box',
    padding: '18mm 18mm 14mm',
    display: 'flex',
    flexDirection: 'column',
    fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    color: '#1f1f1f',
    border: `3mm solid ${RED}`,
    printColorAdjust: 'exact',
    WebkitPrintColorAdjust: 'exact',
  },
  title: { margin: 0, textAlign: 'center', fontSize: '30pt', fontWeight: 700, color: RED, letterSpacing: '2pt' },
  village: { textAlign: 'center', fontSize: '20pt', margin: '6mm 0 8mm', fontWeight: 600 },
  rule: { height: '1mm', background: RED, margin: '0 0 8mm' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: '16pt' },
  label: { width: '38mm', padding: '4mm 0', color: '#595959', verticalAlign: 'top', whiteSpace: 'nowrap' },
  value: { padding: '4mm 0', fontWeight: 600, verticalAlign: 'top', borderBottom: '0.3mm dashed #d9d9d9' },
  qrBlock: { marginTop: 'auto', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '3mm' },
  qr: { width: '62mm', height: '62mm' },
  scan: { fontSize: '18pt', fontWeight: 600, color: RED },
  footer: { marginTop: '6mm', textAlign: 'center', fontSize: '12pt', color: '#8c8c8c' },
};

function Sheet({ notice }: { notice: NoticeDto }) {
  const { t } = useI18n();
  // The SVG goes in as an image source, never as markup, so nothing in it can run in the page.
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(notice.qrSvg)}`;
  const rows = [
    { key: 'advisor', label: t('legal.notice.advisor'), value: notice.advisorName ?? t('legal.room.noAdvisor') },
    { key: 'phone', label: t('legal.notice.phone'), value: notice.advisorPhone ?? '—' },
    { key: 'place', label: t('legal.notice.place'), value: notice.place },
    { key: 'hours', label: t('legal.notice.hours'), value: notice.hours },
    { key: 'hotline', label: t('legal.notice.hotline'), value: notice.hotline },
  ];
  return (
    <div className="legal-notice-sheet" style={styles.sheet} data-testid="legal-notice">
      <h1 style={styles.title}>{t('legal.notice.title')}</h1>
      <div style={styles.village}>{notice.villagePath}</div>
      <div style={styles.rule} />
      <table style={styles.table}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td style={styles.label}>{row.label}</td>
              <td style={styles.value}>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={styles.qrBlock}>
        <img src={qrSrc} alt={notice.consultUrl} style={styles.qr} />
        <div style={styles.scan}>{t('legal.notice.scan')}</div>
      </div>
      <div style={styles.footer}>{t('legal.notice.footer')}</div>
    </div>
  );
}

/** 公示牌: the printable A4 notice of a village's legal advisor, service room and online consultation QR code. */
export function NoticePage() {
  const { t } = useI18n();
  const { villageCode = '' } = useParams();
  const navigate = useNavigate();
  // Opened from 服务室 in a new tab: closing it returns there; opened directly, go to the tab instead.
  const back = () => {
    if (window.opener) window.close();
    else void navigate('/legal?tab=room');
  };
  const notice = useQuery({
    queryKey: legalReportKeys.notice(villageCode),
    queryFn: () => legalReportsApi.notice(villageCode),
    enabled: villageCode !== '',
  });

  return (
    <div className="legal-notice-backdrop" style={styles.backdrop}>
      <style>{PRINT_CSS}</style>
      <div className="legal-notice-toolbar" style={styles.toolbar}>
        <Button onClick={back}>{t('legal.notice.back')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!notice.data} onClick={() => window.print()}>
          {t('legal.notice.print')}
        </Button>
      </div>
      {villageCode === '' ? (
        <Result status="404" title={t('app.notFound')} />
      ) : notice.isPending ? (
        <div style={{ textAlign: 'center', padding: 96 }}>
          <Spin size="large" />
        </div>
      ) : notice.error ? (
        <div style={{ width: '210mm', margin: '0 auto', background: '#fff' }}>
          <LoadError error={notice.error} onRetry={() => void notice.refetch()} />
        </div>
      ) : (
        <Sheet notice={notice.data} />
      )}
    </div>
  );
}
