// /admin/desk/<tab> — setting the desk up: skill groups, agent seats, channels (the widget's script
// tag), canned responses, the knowledge base, and the messages visitors left.
import { useI18n, type Key } from '../../i18n';
import { navigate } from '../../router';
import { AgentsAdmin } from './AgentsAdmin';
import { CannedAdmin } from './CannedAdmin';
import { ChannelsAdmin } from './ChannelsAdmin';
import { FaqAdmin } from './FaqAdmin';
import { GroupsAdmin } from './GroupsAdmin';
import { OfflineMessages } from './OfflineMessages';
import '../desk.css';

const TABS = ['groups', 'agents', 'channels', 'canned', 'faqs', 'offline'] as const;
type Tab = (typeof TABS)[number];

export function DeskAdmin({ path }: { path: string }) {
  const { t } = useI18n();
  const asked = path.split('/')[3] as Tab | undefined;
  const tab: Tab = asked && (TABS as readonly string[]).includes(asked) ? asked : 'groups';
  return (
    <div className="desk-admin">
      <div className="tabs desk-tabs" role="tablist">
        {TABS.map((x) => (
          <a key={x} href={`/admin/desk/${x}`} role="tab" aria-selected={x === tab} className={x === tab ? 'active' : ''} data-testid={`desk-tab-${x}`}
            onClick={(e) => { e.preventDefault(); navigate(`/admin/desk/${x}`); }}>{t(`desk_tab_${x}` as Key)}</a>
        ))}
      </div>
      {tab === 'groups' && <GroupsAdmin />}
      {tab === 'agents' && <AgentsAdmin />}
      {tab === 'channels' && <ChannelsAdmin />}
      {tab === 'canned' && <CannedAdmin />}
      {tab === 'faqs' && <FaqAdmin />}
      {tab === 'offline' && <OfflineMessages />}
    </div>
  );
}
