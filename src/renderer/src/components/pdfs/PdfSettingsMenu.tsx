/** The auto-download setting: which papers get their PDF without asking. */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check, Settings2 } from 'lucide-react';
import { useEffect } from 'react';
import { AUTO_DOWNLOAD, type AutoDownload } from '@shared/pdfs';
import { loadPdfSettings, savePdfSettings, usePdfStore } from '../../stores/pdfStore';
import '../../styles/pdfs.css';

const LABELS: Record<AutoDownload, string> = {
  none: 'Never (only when I ask)',
  starred: 'Starred papers',
  tagged: 'Tagged papers',
  all: 'Every paper',
};

export function PdfSettingsMenu() {
  const settings = usePdfStore((s) => s.settings);
  useEffect(() => {
    void loadPdfSettings();
  }, []);
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <button type="button" className="pdf-button pdf-button--icon" aria-label="PDF settings" title="PDF settings">
          <Settings2 size={15} aria-hidden />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={6}>
          <Menu.Label className="menu__label">Download PDFs automatically</Menu.Label>
          <Menu.RadioGroup
            value={settings?.autoDownload ?? 'none'}
            onValueChange={(v) => void savePdfSettings({ autoDownload: v as AutoDownload })}
          >
            {AUTO_DOWNLOAD.map((k) => (
              <Menu.RadioItem key={k} value={k} className="menu__item menu__item--check">
                <Menu.ItemIndicator className="menu__check">
                  <Check size={13} aria-hidden />
                </Menu.ItemIndicator>
                {LABELS[k]}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className="menu__sep" />
          <p className="menu__note">Applies to papers as they arrive or change. For the rest: Download PDF, or <code>papershelf download --missing</code>.</p>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
